package io.citushibernate.tenant;

/**
 * Schema-per-tenant ({@code citus.hibernate.tenancy=schema}): the name of each tenant's schema.
 * The default is {@code tenant_<id>} ({@link #prefixed(String) prefixed("tenant_")}); set another
 * one with {@code citus.hibernate.schema.naming}.
 *
 * <p>A name is checked before it is used, whatever the strategy: lower-case letters, digits,
 * underscores and hyphens, starting with a letter or underscore, not {@code pg_}-prefixed, at
 * most 63 bytes (PostgreSQL would cut longer names short, so two tenants could share one), and
 * it is always written quoted. A strategy should build names from
 * {@link TenantType#schemaNamePart}, which accepts only values that cannot change the name's
 * meaning.
 */
@FunctionalInterface
public interface TenantSchemaNaming {
  /**
   * The schema of {@code tenant}, a value of the unit's tenant {@code type}, unquoted.
   *
   * @throws io.citushibernate.InvalidTenantException when the tenant cannot name a schema
   */
  String schemaName(Object tenant, TenantType type);

  /** Names each tenant's schema {@code prefix} followed by {@link TenantType#schemaNamePart}. */
  static TenantSchemaNaming prefixed(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("A tenant schema prefix keeps tenant schemas apart from every other "
          + "schema: give a non-empty one, such as \"tenant_\"");
    }
    return (tenant, type) -> prefix + type.schemaNamePart(tenant);
  }

  /** The default naming: {@code tenant_<id>}. */
  static TenantSchemaNaming standard() {
    return prefixed("tenant_");
  }
}
