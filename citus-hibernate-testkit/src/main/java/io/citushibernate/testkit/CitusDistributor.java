package io.citushibernate.testkit;

import io.citushibernate.citus.CitusSql;
import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.testkit.routing.Catalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the tables Hibernate created in a test schema into Citus tables, unless they already are:
 * reference tables with {@code create_reference_table}, tenant tables with
 * {@code create_distributed_table}, colocated. Constraints Citus cannot enforce are adjusted
 * first: primary keys and unique constraints get the distribution column, foreign keys that do
 * not join distributed tables on their distribution columns are dropped. Each change is logged.
 */
final class CitusDistributor {
  private static final Logger LOG = LoggerFactory.getLogger(CitusDistributor.class);

  private CitusDistributor() {
  }

  static void distribute(Connection c, String schema, Catalog catalog) throws SQLException {
    Set<String> existing = tables(c, schema);
    Set<String> done = distributed(c, schema);
    Map<String, String> tenant = new LinkedHashMap<>();
    catalog.distributed().forEach((t, col) -> {
      if (existing.contains(t)) {
        tenant.put(t, col);
      }
    });
    Set<String> reference = new LinkedHashSet<>(catalog.reference());
    reference.retainAll(existing);
    Map<String, Set<String>> keptReferences = foreignKeys(c, schema, tenant, reference);
    for (String t : tenant.keySet()) {
      if (!done.contains(t)) {
        includeDistributionColumn(c, schema, t, tenant.get(t));
      }
    }
    for (String t : reference) {
      if (!done.contains(t)) {
        exec(c, "SELECT " + CitusSql.createReferenceTable(SqlQuoting.qualifiedIdentifier(schema, t)));
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (order.size() < tenant.size()) {
      boolean progress = false;
      for (String t : tenant.keySet()) {
        if (!placed.contains(t) && placed.containsAll(keptReferences.getOrDefault(t, Set.of()))) {
          order.add(t);
          placed.add(t);
          progress = true;
        }
      }
      if (!progress) {
        tenant.keySet().stream().filter(t -> !placed.contains(t)).forEach(t -> {
          order.add(t);
          placed.add(t);
        });
      }
    }
    String first = null;
    for (String t : order) {
      if (!done.contains(t)) {
        exec(c, "SELECT " + CitusSql.createDistributedTable(SqlQuoting.qualifiedIdentifier(schema, t), tenant.get(t),
            first == null ? null : SqlQuoting.qualifiedIdentifier(schema, first), null));
      }
      if (first == null) {
        first = t;
      }
    }
  }

  private static Set<String> tables(Connection c, String schema) throws SQLException {
    Set<String> names = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  private static Set<String> distributed(Connection c, String schema) throws SQLException {
    Set<String> names = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT cl.relname FROM pg_dist_partition p "
        + "JOIN pg_class cl ON cl.oid = p.logicalrelid JOIN pg_namespace n ON n.oid = cl.relnamespace "
        + "WHERE n.nspname = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  /** Drops the foreign keys Citus refuses; returns, per tenant table, the tenant tables its kept keys reference. */
  private static Map<String, Set<String>> foreignKeys(Connection c, String schema, Map<String, String> tenant,
      Set<String> reference) throws SQLException {
    record Fk(String table, String name, String target, List<String> columns, List<String> targetColumns) {
    }
    List<Fk> fks = new ArrayList<>();
    String sql = "SELECT src.relname, con.conname, dst.relname, "
        + "ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i) "
        + "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i), "
        + "ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i) "
        + "JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) "
        + "FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid "
        + "JOIN pg_class dst ON dst.oid = con.confrelid JOIN pg_namespace n ON n.oid = src.relnamespace "
        + "WHERE con.contype = 'f' AND n.nspname = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fks.add(new Fk(rs.getString(1), rs.getString(2), rs.getString(3),
              List.of((String[]) rs.getArray(4).getArray()), List.of((String[]) rs.getArray(5).getArray())));
        }
      }
    }
    Map<String, Set<String>> kept = new LinkedHashMap<>();
    for (Fk fk : fks) {
      boolean fromTenant = tenant.containsKey(fk.table());
      boolean toTenant = tenant.containsKey(fk.target());
      boolean involved = fromTenant || toTenant || reference.contains(fk.table()) || reference.contains(fk.target());
      if (!involved) {
        continue;
      }
      boolean keep;
      if (fromTenant && toTenant) {
        int i = fk.columns().indexOf(tenant.get(fk.table()));
        keep = i >= 0 && fk.targetColumns().get(i).equals(tenant.get(fk.target()));
      } else {
        keep = reference.contains(fk.target()) && (fromTenant || reference.contains(fk.table()));
      }
      if (keep) {
        if (toTenant) {
          kept.computeIfAbsent(fk.table(), k -> new HashSet<>()).add(fk.target());
        }
      } else {
        LOG.info("Dropping foreign key {} of {}: Citus cannot enforce it across shards", fk.name(), fk.table());
        exec(c, CitusSql.dropConstraint(SqlQuoting.qualifiedIdentifier(schema, fk.table()), SqlQuoting.identifier(fk.name())));
      }
    }
    return kept;
  }

  private static void includeDistributionColumn(Connection c, String schema, String table, String column)
      throws SQLException {
    String sql = "SELECT con.conname, con.contype, ARRAY(SELECT a.attname::text FROM unnest(con.conkey) "
        + "WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) "
        + "FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid "
        + "JOIN pg_namespace n ON n.oid = cl.relnamespace "
        + "WHERE n.nspname = ? AND cl.relname = ? AND con.contype IN ('p', 'u')";
    record Change(String name, CitusSql.Key key, List<String> columns) {
    }
    List<Change> changes = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> columns = new ArrayList<>(List.of((String[]) rs.getArray(3).getArray()));
          if (!columns.contains(column)) {
            columns.add(column);
            changes.add(new Change(rs.getString(1), rs.getString(2).equals("p") ? CitusSql.Key.PRIMARY_KEY
                : CitusSql.Key.UNIQUE, columns.stream().map(SqlQuoting::identifier).toList()));
          }
        }
      }
    }
    for (Change ch : changes) {
      LOG.info("Adding distribution column {} to {} {} of {}", column, ch.key(), ch.name(), table);
      exec(c, CitusSql.replaceKey(SqlQuoting.qualifiedIdentifier(schema, table), SqlQuoting.identifier(ch.name()),
          ch.key(), ch.columns()));
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
