package io.citushibernate.matrix;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.RoutingCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every table of a database, per tenant, read with plain JDBC past citus-hibernate.
 * A row belongs to the tenant in its {@code account_id} column ({@code id} in {@code accounts});
 * a table without one (a collection table plain Hibernate made) belongs to its only tenant. The
 * tenant column itself is left out, so a tenant's rows compare with the same rows on a schema of
 * their own, whose tables may lack the column.
 */
final class TableContents {
  static final String TENANT_COLUMN = "account_id";
  /** Rows of a database whose table has no tenant column. */
  static final long UNTENANTED = -1;

  private TableContents() {
  }

  /** tenant -> table -> rows (sorted). */
  static Map<Long, Map<String, List<String>>> read(CitusDatabase db) {
    // reading every tenant at once is deliberate, and multi-shard on Citus
    return RoutingCheck.allowMultiShard(() -> {
      try (Connection c = db.dataSource().getConnection()) {
        Map<Long, Map<String, List<String>>> tenants = new TreeMap<>();
        for (String table : tables(c, db.schema())) {
          readTable(c, db.schema(), table, tenants);
        }
        tenants.values().forEach(tables -> tables.values().forEach(rows -> rows.sort(null)));
        return tenants;
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read the tables of " + db.schema() + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * tenant -> table -> rows of a schema-per-tenant database: each tenant's schema read in turn, its rows filed under
   * the tenant, but a row whose tenant column names another tenant under that one.
   */
  static Map<Long, Map<String, List<String>>> readSchemas(CitusDatabase db, Map<Long, String> schemaOfTenant) {
    return RoutingCheck.allowMultiShard(() -> {
      try (Connection c = db.dataSource().getConnection()) {
        Map<Long, Map<String, List<String>>> tenants = new TreeMap<>();
        for (Map.Entry<Long, String> tenant : schemaOfTenant.entrySet()) {
          Map<Long, Map<String, List<String>>> inSchema = new TreeMap<>();
          for (String table : tables(c, tenant.getValue())) {
            readTable(c, tenant.getValue(), table, inSchema);
          }
          inSchema.forEach((owner, tables) -> tables.forEach((table, rows) ->
              tenants.computeIfAbsent(owner == UNTENANTED ? tenant.getKey() : owner, t -> new TreeMap<>())
                  .computeIfAbsent(table, t -> new ArrayList<>()).addAll(rows)));
        }
        tenants.values().forEach(tables -> tables.values().forEach(rows -> rows.sort(null)));
        return tenants;
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read the tenant schemas: " + e.getMessage(), e);
      }
    });
  }

  /** The rows of one tenant, or of a database holding one tenant only. */
  static Map<String, List<String>> of(Map<Long, Map<String, List<String>>> contents, long tenant) {
    Map<String, List<String>> rows = new TreeMap<>(contents.getOrDefault(tenant, Map.of()));
    contents.getOrDefault(UNTENANTED, Map.of()).forEach((table, r) -> rows.merge(table, r, (a, b) -> {
      List<String> all = new ArrayList<>(a);
      all.addAll(b);
      all.sort(null);
      return all;
    }));
    return rows;
  }

  static List<String> tables(Connection c, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  private static void readTable(Connection c, String schema, String table,
      Map<Long, Map<String, List<String>>> tenants) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM \"" + schema + "\".\"" + table + "\"")) {
      ResultSetMetaData meta = rs.getMetaData();
      String tenantColumn = "accounts".equals(table) ? "id" : TENANT_COLUMN;
      while (rs.next()) {
        long tenant = UNTENANTED;
        Map<String, String> row = new TreeMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String column = meta.getColumnName(i);
          if (column.equals(tenantColumn)) {
            tenant = rs.getLong(i);
          } else {
            row.put(column, String.valueOf(rs.getObject(i)));
          }
        }
        tenants.computeIfAbsent(tenant, t -> new TreeMap<>()).computeIfAbsent(table, t -> new ArrayList<>())
            .add(row.toString());
      }
    }
  }
}
