package io.citushibernate.internal.jdbc;

import io.citushibernate.CitusSettings;
import io.citushibernate.InvalidSettingException;
import io.citushibernate.InvalidTenantException;
import io.citushibernate.MissingTenantException;
import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.internal.config.SettingValues;
import io.citushibernate.internal.sql.Rewrite;
import io.citushibernate.internal.sql.StatementRewriter;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantSchemaNaming;
import io.citushibernate.tenant.TenantType;
import java.util.Map;

/**
 * Schema-per-tenant ({@link CitusSettings#TENANCY}{@code =schema}) of one session factory: which
 * schema each tenant's tables live in, the {@code search_path} a connection runs with for a tenant
 * (its schema, then the shared one) or for none (the shared one alone), and the refusal of
 * statements on tenant tables that have no tenant to run for. Hibernate's connections carry it
 * out ({@link SchemaPath}); the tenant lifecycle API names schemas with it.
 */
public final class SchemaTenancy {
  /** What a checked schema name may hold; hyphens come from UUIDs and negative numbers. */

  private final TenantSchemaNaming naming;
  private final TenantType type;
  private final String shared;
  /** Tells statements on tenant tables apart; nothing it renders is sent. */
  private final StatementRewriter detector;
  private final String sharedPath;

  private SchemaTenancy(TenantSchemaNaming naming, TenantType type, String shared, StatementRewriter detector) {
    this.naming = naming;
    this.type = type;
    this.shared = shared;
    this.detector = detector;
    this.sharedPath = SqlQuoting.identifier(shared);
  }

  /**
   * The schema tenancy {@code properties} configure for tenants of {@code type}, statements on
   * tenant tables told apart by {@code detector}.
   *
   * @throws InvalidSettingException when the shared schema or the naming setting is invalid
   */
  public static SchemaTenancy from(Map<String, ?> properties, TenantType type, StatementRewriter detector) {
    return new SchemaTenancy(naming(properties), type, SettingValues.sharedSchema(properties), detector);
  }

  private static TenantSchemaNaming naming(Map<String, ?> properties) {
    Object value = properties.get(CitusSettings.SCHEMA_NAMING);
    if (value == null) {
      return TenantSchemaNaming.standard();
    }
    if (value instanceof TenantSchemaNaming naming) {
      return naming;
    }
    String name = value.toString().trim();
    try {
      Class<?> type = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
      return (TenantSchemaNaming) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new InvalidSettingException(CitusSettings.SCHEMA_NAMING, name, "the name of a public class "
          + "implementing " + TenantSchemaNaming.class.getName() + " with a public no-argument constructor ("
          + e + ")");
    }
  }

  /** The unit's tenant type. */
  public TenantType tenantType() {
    return type;
  }

  /** The shared schema, unquoted. */
  public String sharedSchema() {
    return shared;
  }

  /**
   * The schema of {@code tenant}, unquoted, checked: a name no other tenant and no system schema
   * can have, that reads the same quoted.
   *
   * @throws InvalidTenantException when the tenant cannot name a schema, or the naming strategy
   *     gives a name that is not a safe schema name
   */
  public String schemaOf(Object tenant) {
    String name = naming.schemaName(type.coerce(tenant), type);
    String problem = name != null && name.equals(shared)
        ? "'" + name + "', the shared schema (" + CitusSettings.SCHEMA_SHARED + ")"
        : SqlQuoting.tenantSchemaNameProblem(name);
    if (problem != null) {
      throw new InvalidTenantException("The tenant schema naming (" + CitusSettings.SCHEMA_NAMING + ") gives "
          + problem + " for tenant " + tenant + "; fix the naming or the tenant value.");
    }
    return name;
  }

  /** The {@code search_path} value for {@code tenant}: its schema then the shared one, or the shared one alone for {@code null}. */
  String searchPath(Object tenant) {
    return tenant == null ? sharedPath : SqlQuoting.identifier(schemaOf(tenant)) + ", " + sharedPath;
  }

  /** The {@code search_path} of a connection that works for no tenant. */
  String sharedPath() {
    return sharedPath;
  }

  /**
   * Refuses {@code sql}, unsent, when it names a tenant table while the thread works for no
   * tenant: outside any scope the shared schema alone is on the path, and a cross-tenant scope
   * has no single schema to run in.
   *
   * @throws MissingTenantException when the statement needs a tenant and there is none
   */
  void requireTenantFor(String sql) {
    if (TenantContext.current().isPresent()) {
      return;
    }
    Rewrite rewrite = detector.analyse(sql);
    if (!rewrite.touchesTenantTables()) {
      return;
    }
    if (TenantContext.isCrossTenant()) {
      throw new MissingTenantException("A cross-tenant scope has no single tenant schema (" + CitusSettings.TENANCY
          + "=schema), so a statement on tenant table(s) " + rewrite.tenantTables() + " was not sent. Run it "
          + "per tenant with CitusTenants.forEach(tenants, tenant -> ...). Statement: " + sql);
    }
    throw new MissingTenantException("No tenant is set for a statement on tenant table(s) " + rewrite.tenantTables()
        + "; it was not sent. Run it inside TenantContext.run(tenantId, ...), or in a session opened for the "
        + "tenant. Statement: " + sql);
  }
}
