package io.citushibernate.tenant;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Lets Hibernate's own multi-tenancy ({@code @TenantId}, tenant-aware second-level cache and
 * query cache keys) see the {@link TenantContext}. Configure it with
 * {@code hibernate.tenant_identifier_resolver=io.citushibernate.tenant.TenantContextIdentifierResolver}.
 * In a cross-tenant scope it resolves to {@link #CROSS_TENANT}, which Hibernate treats as root.
 */
public final class TenantContextIdentifierResolver implements CurrentTenantIdentifierResolver<Object> {
  /** The identifier of sessions opened in a cross-tenant scope. */
  public static final String CROSS_TENANT = "<cross-tenant>";

  @Override
  public Object resolveCurrentTenantIdentifier() {
    if (TenantContext.isCrossTenant()) {
      return CROSS_TENANT;
    }
    return TenantContext.require();
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    return true;
  }

  @Override
  public boolean isRoot(Object tenantId) {
    return CROSS_TENANT.equals(tenantId);
  }
}
