package io.citushibernate.testkit;

import io.citushibernate.internal.jdbc.SchemaTenancy;
import io.citushibernate.internal.schema.TenantSchemas;
import io.citushibernate.internal.sql.TableReferences;
import io.citushibernate.tenant.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routing check of {@link CitusTest} in schema mode ({@code citus.hibernate.tenancy=schema}):
 * a statement may touch only the current tenant's schema and the shared one. Citus' single-shard
 * check cannot tell schemas apart (a statement on another tenant's distributed schema is single
 * shard too), so each statement's tables are resolved the way PostgreSQL resolves them with the
 * {@code search_path} citus-hibernate sets (the tenant's schema, then the shared one), against
 * the catalog ({@code pg_namespace}, {@code pg_class}). Refused, on plain PostgreSQL and on Citus
 * alike: naming another tenant's schema; a tenant table with no tenant current; a tenant table
 * the tenant's schema lacks, which would fall through to a copy in the shared schema.
 */
final class SchemaRoutingCheck {
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

  /** The catalog lookups the check needs, on a connection of the testkit's own. */
  interface CatalogReader {
    Connection connect() throws SQLException;
  }

  private final SchemaTenancy tenancy;
  private final Set<String> tenantTables;
  private final CatalogReader catalog;
  /** Schemas known to be tenant schemas (citus-hibernate's mark), and the tables each holds. */
  private final Map<String, Set<String>> tenantSchemaTables = new ConcurrentHashMap<>();

  SchemaRoutingCheck(SchemaTenancy tenancy, Set<String> tenantTables, CatalogReader catalog) {
    this.tenancy = tenancy;
    this.tenantTables = Set.copyOf(tenantTables);
    this.catalog = catalog;
  }

  /** Why {@code sql}, run now on this thread, touches more than the current tenant's schema and the shared one; empty when it does not. */
  List<String> problems(String sql) throws SQLException {
    Optional<List<TableReferences.Named>> named = TableReferences.of(sql);
    if (named.isEmpty() || named.get().isEmpty()) {
      return List.of(); // citus-hibernate refuses unparseable statements on tenant tables itself
    }
    Object tenant = TenantContext.current().orElse(null);
    String current = tenant == null ? null : tenancy.schemaOf(tenant);
    String who = tenant == null ? "no tenant is current" : "tenant " + tenant + " (schema " + current + ") is current";
    List<String> problems = new ArrayList<>();
    for (TableReferences.Named table : named.get()) {
      String schema = table.schema();
      if (schema != null) {
        if (!schema.equals(current) && !schema.equals(tenancy.sharedSchema()) && !SYSTEM_SCHEMAS.contains(schema)
            && tablesOfTenantSchema(schema, true) != null) {
          problems.add("it names " + schema + "." + table.name() + " in another tenant's schema while " + who);
        }
      } else if (tenantTables.contains(table.name())) {
        if (current == null) {
          problems.add("tenant table " + table.name() + " is named while " + who);
        } else if (!holds(current, table.name())) {
          problems.add("tenant table " + table.name() + " is missing from " + current + ", so the search path "
              + "would resolve it in the shared schema " + tenancy.sharedSchema() + "; create the tenant with "
              + "CitusTenants.create(" + tenant + ")");
        }
      }
    }
    return problems;
  }

  /** Whether tenant schema {@code schema} holds {@code table}; read again when it seems not to, in case it was created since. */
  private boolean holds(String schema, String table) throws SQLException {
    Set<String> tables = tablesOfTenantSchema(schema, true);
    if (tables == null || !tables.contains(table)) {
      tables = tablesOfTenantSchema(schema, false);
    }
    return tables != null && tables.contains(table);
  }

  /**
   * The tables of {@code schema} when it is a tenant schema (its comment is citus-hibernate's
   * mark), else {@code null}; from the cache when {@code cached} allows.
   */
  private Set<String> tablesOfTenantSchema(String schema, boolean cached) throws SQLException {
    Set<String> known = tenantSchemaTables.get(schema);
    if (known != null && cached) {
      return known;
    }
    try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT c.relname FROM pg_catalog.pg_namespace n LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid "
            + "AND c.relkind IN ('r', 'p', 'v', 'm', 'f') WHERE n.nspname = ? "
            + "AND starts_with(coalesce(obj_description(n.oid, 'pg_namespace'), ''), ?)")) {
      ps.setString(1, schema);
      ps.setString(2, TenantSchemas.MARK);
      try (ResultSet rs = ps.executeQuery()) {
        Set<String> tables = null;
        while (rs.next()) {
          if (tables == null) {
            tables = new HashSet<>();
          }
          if (rs.getString(1) != null) {
            tables.add(rs.getString(1));
          }
        }
        if (tables == null) {
          tenantSchemaTables.remove(schema);
          return null;
        }
        tenantSchemaTables.put(schema, Set.copyOf(tables));
        return tables;
      }
    }
  }

  /** The failure a refused statement gets. */
  static String refusal(String sql, Map<Integer, Object> parameters, List<String> problems) {
    return "Statement outside the current tenant's schema refused by the testkit's schema routing check: "
        + String.join("; ", problems) + "\n  statement: " + sql
        + (parameters.isEmpty() ? "" : "\n  parameters: " + parameters)
        + "\n  In schema mode a statement runs in the current tenant's schema and the shared one: run it inside "
        + "TenantContext.run(tenant, ...) without naming a tenant schema; for deliberate work over several tenants "
        + "use CitusTenants.forEach(tenants, ...), RoutingCheck.allowMultiShard(...) or @AllowMultiShard.";
  }
}
