package io.citushibernate.spring.boot;

import io.citushibernate.CitusSettings;
import io.citushibernate.internal.config.SettingValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * {@code citus.hibernate.*} in {@code application.properties}/{@code .yml}. The library's own settings
 * (see {@link CitusSettings}) are handed to Hibernate under their Hibernate names
 * ({@code citus.hibernate.rewrite-cache-size} becomes {@code citus.hibernate.rewrite_cache_size}),
 * and the core validates them: an invalid value fails the start naming the property. The {@code web}
 * group configures the tenant of each HTTP request, the {@code jdbc} group plain JDBC clients.
 */
@ConfigurationProperties("citus.hibernate")
public class CitusHibernateProperties {
  /** Whether citus-hibernate scopes Hibernate's statements; off only for a deliberate unscoped application. */
  private Boolean enabled;

  /** What to do with SQL the parser cannot read that names a tenant table: refuse (default) or pass. */
  private String unparseableStatements;

  /** How the tenant reaches SQL: parameter (bound, default) or literal. */
  private String tenantBinding;

  /** How many distinct SQL statements keep their analysed form (default 4096). */
  private Integer rewriteCacheSize;

  /** The longest statement on tenant tables the parser is given, in characters (default 262144). */
  private Integer maxStatementLength;

  /** The deepest nesting of parentheses and CASE expressions the parser is given (default 64). */
  private Integer maxStatementNesting;

  /**
   * Citus' multi-shard guard on application connections ({@code citus.multi_task_query_log_level}):
   * off, log, warning or error. Lifted inside cross-tenant scopes.
   */
  private String routingGuard;

  /**
   * Whether the library records its Micrometer meters (citus.hibernate.statements and the like) in the
   * application's MeterRegistry; needs Micrometer.
   */
  private Boolean metrics;

  /**
   * The tenancy model: row (tenant tables shared, scoped by the tenant predicate; default) or schema
   * (a PostgreSQL schema per tenant, see the schema group). In schema mode the DataSource is not
   * wrapped (citus.hibernate.jdbc.scope-data-source does not apply).
   */
  private String tenancy;

  private final Schema schema = new Schema();

  private final Web web = new Web();

  private final Jdbc jdbc = new Jdbc();

  /**
   * The properties as {@code environment} sets them. For the starter's post-processors: they are
   * created before Spring binds configuration properties beans.
   */
  static CitusHibernateProperties bind(Environment environment) {
    return Binder.get(environment).bindOrCreate("citus.hibernate", CitusHibernateProperties.class);
  }

  /** The settings given to Hibernate, by their Hibernate names; unset ones are left to the core's defaults. */
  public Map<String, String> hibernateSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    put(settings, CitusSettings.ENABLED, enabled);
    put(settings, CitusSettings.UNPARSEABLE_STATEMENTS, unparseableStatements);
    put(settings, CitusSettings.TENANT_BINDING, tenantBinding);
    put(settings, CitusSettings.REWRITE_CACHE_SIZE, rewriteCacheSize);
    put(settings, CitusSettings.MAX_STATEMENT_LENGTH, maxStatementLength);
    put(settings, CitusSettings.MAX_STATEMENT_NESTING, maxStatementNesting);
    put(settings, CitusSettings.ROUTING_GUARD, routingGuard);
    put(settings, CitusSettings.METRICS, metrics);
    put(settings, CitusSettings.SCHEMA_WHEN_CITUS_MISSING, schema.whenCitusMissing);
    put(settings, CitusSettings.TENANCY, tenancy);
    put(settings, CitusSettings.SCHEMA_SHARED, schema.shared);
    put(settings, CitusSettings.SCHEMA_NAMING, schema.naming);
    put(settings, CitusSettings.SCHEMA_TENANT_TYPE, schema.tenantType);
    return settings;
  }

  /**
   * Whether {@code tenancy} chooses schema-per-tenant, read as the core reads it (an invalid value
   * fails here with the same {@code InvalidSettingException} the core would give at boot).
   */
  boolean schemaTenancy() {
    return SettingValues.schemaTenancy(hibernateSettings());
  }

  private static void put(Map<String, String> settings, String name, Object value) {
    if (value != null) {
      settings.put(name, value.toString());
    }
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getUnparseableStatements() {
    return unparseableStatements;
  }

  public void setUnparseableStatements(String unparseableStatements) {
    this.unparseableStatements = unparseableStatements;
  }

  public String getTenantBinding() {
    return tenantBinding;
  }

  public void setTenantBinding(String tenantBinding) {
    this.tenantBinding = tenantBinding;
  }

  public Integer getRewriteCacheSize() {
    return rewriteCacheSize;
  }

  public void setRewriteCacheSize(Integer rewriteCacheSize) {
    this.rewriteCacheSize = rewriteCacheSize;
  }

  public Integer getMaxStatementLength() {
    return maxStatementLength;
  }

  public void setMaxStatementLength(Integer maxStatementLength) {
    this.maxStatementLength = maxStatementLength;
  }

  public Integer getMaxStatementNesting() {
    return maxStatementNesting;
  }

  public void setMaxStatementNesting(Integer maxStatementNesting) {
    this.maxStatementNesting = maxStatementNesting;
  }

  public String getRoutingGuard() {
    return routingGuard;
  }

  public void setRoutingGuard(String routingGuard) {
    this.routingGuard = routingGuard;
  }

  public Boolean getMetrics() {
    return metrics;
  }

  public void setMetrics(Boolean metrics) {
    this.metrics = metrics;
  }

  public String getTenancy() {
    return tenancy;
  }

  public void setTenancy(String tenancy) {
    this.tenancy = tenancy;
  }

  public Schema getSchema() {
    return schema;
  }

  public Web getWeb() {
    return web;
  }

  public Jdbc getJdbc() {
    return jdbc;
  }

  /** Schema export, and the schemas of schema-per-tenant ({@code tenancy=schema}). */
  public static class Schema {
    /** What schema export does with its Citus calls when the database has no citus extension: skip (default) or fail. */
    private String whenCitusMissing;

    /**
     * Schema mode: the schema of the tables shared by all tenants (reference and unannotated
     * entities), last on every search_path; default public.
     */
    private String shared;

    /**
     * Schema mode: the class name of the TenantSchemaNaming that names each tenant's schema (public,
     * with a public no-argument constructor); default tenant_ followed by the tenant value.
     */
    private String naming;

    /**
     * Schema mode: the Java type of tenant values (long, int, uuid or string) when no TenantKey
     * attribute declares it; default long.
     */
    private String tenantType;

    public String getWhenCitusMissing() {
      return whenCitusMissing;
    }

    public void setWhenCitusMissing(String whenCitusMissing) {
      this.whenCitusMissing = whenCitusMissing;
    }

    public String getShared() {
      return shared;
    }

    public void setShared(String shared) {
      this.shared = shared;
    }

    public String getNaming() {
      return naming;
    }

    public void setNaming(String naming) {
      this.naming = naming;
    }

    public String getTenantType() {
      return tenantType;
    }

    public void setTenantType(String tenantType) {
      this.tenantType = tenantType;
    }
  }

  /** Plain JDBC clients (JdbcTemplate, JdbcClient, jOOQ, MyBatis) on the application's DataSource. */
  public static class Jdbc {
    /**
     * Whether the application's DataSource is wrapped so that every JDBC client is scoped like
     * Hibernate. Hibernate itself uses the same wrapped DataSource (statements are not scoped twice).
     * Row model only: with tenancy=schema the DataSource is never wrapped.
     */
    private boolean scopeDataSource = true;

    public boolean isScopeDataSource() {
      return scopeDataSource;
    }

    public void setScopeDataSource(boolean scopeDataSource) {
      this.scopeDataSource = scopeDataSource;
    }
  }

  /** The tenant of each HTTP request (servlet applications). */
  public static class Web {
    /** Whether each request runs in the tenant it names. */
    private boolean enabled = true;

    /** Where the tenant is read: header (trusted gateways only), jwt, subdomain or path. */
    private Resolver resolver = Resolver.HEADER;

    /** The Java type of tenant values: long, int, uuid or string. */
    private String tenantType = "long";

    /** The header naming the tenant, for the header resolver. */
    private String header = "X-Tenant-ID";

    /** The claim of the authenticated principal's token naming the tenant, for the jwt resolver. */
    private String jwtClaim = "tenant_id";

    /** The domain under which the first label names the tenant ({@code acme.example.com}), for the subdomain resolver. */
    private String subdomainOf;

    /** A path pattern with a {tenant} variable ({@code /companies/{tenant}/**}), for the path resolver. */
    private String pathPattern;

    /** Servlet URL patterns the tenant filter runs on. */
    private List<String> urlPatterns = new ArrayList<>(List.of("/*"));

    /** Path patterns that need no tenant: health checks, the error page, static resources. */
    private List<String> excludePatterns = new ArrayList<>(List.of("/actuator/**", "/error"));

    /**
     * The filter's order. The default runs it after Spring Security's filter chain (order -100), so
     * the jwt resolver sees the authenticated principal, and before open-in-view and every handler.
     */
    private int filterOrder = -90;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Resolver getResolver() {
      return resolver;
    }

    public void setResolver(Resolver resolver) {
      this.resolver = resolver;
    }

    public String getTenantType() {
      return tenantType;
    }

    public void setTenantType(String tenantType) {
      this.tenantType = tenantType;
    }

    public String getHeader() {
      return header;
    }

    public void setHeader(String header) {
      this.header = header;
    }

    public String getJwtClaim() {
      return jwtClaim;
    }

    public void setJwtClaim(String jwtClaim) {
      this.jwtClaim = jwtClaim;
    }

    public String getSubdomainOf() {
      return subdomainOf;
    }

    public void setSubdomainOf(String subdomainOf) {
      this.subdomainOf = subdomainOf;
    }

    public String getPathPattern() {
      return pathPattern;
    }

    public void setPathPattern(String pathPattern) {
      this.pathPattern = pathPattern;
    }

    public List<String> getUrlPatterns() {
      return urlPatterns;
    }

    public void setUrlPatterns(List<String> urlPatterns) {
      this.urlPatterns = urlPatterns;
    }

    public List<String> getExcludePatterns() {
      return excludePatterns;
    }

    public void setExcludePatterns(List<String> excludePatterns) {
      this.excludePatterns = excludePatterns;
    }

    public int getFilterOrder() {
      return filterOrder;
    }

    public void setFilterOrder(int filterOrder) {
      this.filterOrder = filterOrder;
    }
  }

  /** The ready tenant resolvers. */
  public enum Resolver {
    /** A request header: only behind a gateway that sets it and strips clients' copies. */
    HEADER,
    /** A claim of the authenticated principal's token (Spring Security). */
    JWT,
    /** The first label of the host name. */
    SUBDOMAIN,
    /** A variable of a path pattern. */
    PATH
  }
}
