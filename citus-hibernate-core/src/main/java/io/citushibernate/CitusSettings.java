package io.citushibernate;

/**
 * The names of the Hibernate properties that configure citus-hibernate, each with its values and
 * default. They are read once at boot; an invalid value fails the boot with an
 * {@link InvalidSettingException} naming the property.
 */
public final class CitusSettings {
  /** {@code true} (default) or {@code false}: turns all of citus-hibernate on or off. */
  public static final String ENABLED = "citus.hibernate.enabled";
  /**
   * {@code refuse} (default) or {@code pass}: what to do with SQL the parser cannot read that
   * names a tenant table.
   */
  public static final String UNPARSEABLE_STATEMENTS = "citus.hibernate.unparseable_statements";
  /**
   * {@code parameter} (default) or {@code literal}: how the tenant value reaches SQL. With
   * {@code parameter} the SQL text is the same for every tenant and the tenant is bound as a JDBC
   * parameter, so PostgreSQL reuses prepared statements across tenants; it needs the connections
   * to come through Hibernate's connection provider. {@code literal} writes the tenant into the
   * SQL text, readable in logs, at the cost of a parse and plan per tenant.
   */
  public static final String TENANT_BINDING = "citus.hibernate.tenant_binding";
  /** How many distinct SQL statements keep their analysed form; default 4096. */
  public static final String REWRITE_CACHE_SIZE = "citus.hibernate.rewrite_cache_size";
  /**
   * The longest statement on tenant tables the parser is given, in characters; default 262144.
   * Longer ones are refused unsent: the parser's time grows faster than the input.
   */
  public static final String MAX_STATEMENT_LENGTH = "citus.hibernate.max_statement_length";
  /**
   * The deepest nesting of parentheses and CASE expressions in a statement on tenant tables that
   * the parser is given; default 64. Deeper ones are refused unsent.
   */
  public static final String MAX_STATEMENT_NESTING = "citus.hibernate.max_statement_nesting";

  /**
   * {@code off} (default), {@code log}, {@code warning} or {@code error}: the production routing
   * guard. Any value but {@code off} sets Citus' {@code citus.multi_task_query_log_level} to that
   * level on the application's connections (Hibernate's, and those of
   * {@code io.citushibernate.jdbc.TenantScopedDataSource}), so a statement that Citus would run on
   * several shards is logged or refused by Citus itself. The guard is lifted inside
   * {@code TenantContext.runCrossTenant} scopes and for citus-hibernate's own schema and catalog
   * work, and restored after; a connection goes back to its pool with the guard in place.
   */
  public static final String ROUTING_GUARD = "citus.hibernate.routing_guard";

  /**
   * {@code skip} (default) or {@code fail}: what the schema export does with its Citus statements
   * ({@code create_distributed_table}, {@code create_reference_table}) when the target database has
   * no {@code citus} extension. {@code skip} logs one INFO line and exports plain PostgreSQL DDL;
   * {@code fail} stops the export.
   */
  public static final String SCHEMA_WHEN_CITUS_MISSING = "citus.hibernate.schema.when_citus_missing";

  /**
   * {@code true} (default) or {@code false}: whether citus-hibernate records its meters (statements
   * scoped, passed and refused, the rewrite cache, cross-tenant scopes) when Micrometer is on the
   * class path. Without Micrometer nothing is recorded, whatever this says.
   */
  public static final String METRICS = "citus.hibernate.metrics";

  /**
   * The {@code io.micrometer.core.instrument.MeterRegistry} the meters are registered in: an
   * instance, given in the settings map (not a name). Default: Micrometer's global registry
   * ({@code Metrics.globalRegistry}), which Spring Boot adds its registries to. Meters are tagged
   * by session factory and client, never by tenant.
   */
  public static final String METER_REGISTRY = "citus.hibernate.meter_registry";

  /**
   * {@code row} (default) or {@code schema}: the tenancy model. {@code row}: tenant tables share
   * one table per entity, distributed by the {@code @TenantKey} column, and every statement on them
   * gets the tenant predicate. {@code schema}: each tenant has its own PostgreSQL schema (a Citus
   * distributed schema) holding its own copy of the tenant tables; a session's connections run
   * with {@code search_path} set to the tenant's schema, then {@link #SCHEMA_SHARED}, and no
   * predicate is added: the schema is the scope. Tenants are created, listed, moved and dropped
   * with {@code io.citushibernate.tenancy.CitusTenants}.
   */
  public static final String TENANCY = "citus.hibernate.tenancy";

  /**
   * Schema mode: the schema of the tables shared by all tenants ({@code @ReferenceTable} and
   * unannotated entities), last on every {@code search_path}; default {@code public}. A plain
   * lower-case PostgreSQL identifier.
   */
  public static final String SCHEMA_SHARED = "citus.hibernate.schema.shared";

  /**
   * Schema mode: the {@code io.citushibernate.tenant.TenantSchemaNaming} that names each tenant's
   * schema, as a class name (public, with a public no-argument constructor) or an instance;
   * default {@code tenant_<id>}.
   */
  public static final String SCHEMA_NAMING = "citus.hibernate.schema.naming";

  /**
   * Schema mode: the Java type of tenant values ({@code long}, {@code int}, {@code uuid} or
   * {@code string}) when no {@code @TenantKey} attribute declares it, as when every per-tenant
   * entity is {@code @TenantOwned} without a tenant column; default {@code long}. When a
   * {@code @TenantKey} attribute is mapped its type decides, and a different value here fails the boot.
   */
  public static final String SCHEMA_TENANT_TYPE = "citus.hibernate.schema.tenant_type";

  private CitusSettings() {
  }
}
