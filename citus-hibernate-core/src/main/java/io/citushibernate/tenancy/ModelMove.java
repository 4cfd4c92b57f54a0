package io.citushibernate.tenancy;

import io.citushibernate.TenantSchemaException;
import io.citushibernate.TenantSchemaException.Problem;
import io.citushibernate.citus.SqlQuoting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tenant's rows moved between its schema (schema model) and the row model's tables, which
 * hold every tenant's rows, told apart by the tenant column, in a schema of their own. The tables
 * are the mapping's tenant tables; their columns and foreign keys are read from the catalog, so
 * tables made by migrations move as well as tables made from the mapping. Parents are copied
 * before children and deleted after them. Everything runs in the caller's transaction.
 */
final class ModelMove {
  /** A tenant table (its catalog name) and its tenant column, {@code null} when it has none. */
  record Table(String name, String column) {
  }

  private final Connection connection;
  private final List<Table> tables;
  private final Object tenant;
  private final String tenantSchema;
  private final String rowSchema;

  ModelMove(Connection connection, Map<String, String> tenantColumns, Object tenant, String tenantSchema,
      String rowSchema) {
    this.connection = connection;
    this.tables = tenantColumns.entrySet().stream().map(e -> new Table(e.getKey(), e.getValue())).toList();
    this.tenant = tenant;
    this.tenantSchema = tenantSchema;
    this.rowSchema = rowSchema;
  }

  /** How many of the tenant's rows the row tables hold. */
  long rowsInRowModel() throws SQLException {
    long rows = 0;
    for (Table table : tables) {
      requireRowTable(table);
      rows += count("SELECT count(*) FROM " + qualified(rowSchema, table.name()) + " WHERE "
          + SqlQuoting.identifier(table.column()) + " = ?", tenant);
    }
    return rows;
  }

  /** How many rows the tenant's schema holds. */
  long rowsInSchema() throws SQLException {
    long rows = 0;
    for (Table table : tables) {
      rows += count("SELECT count(*) FROM " + qualified(tenantSchema, table.name()));
    }
    return rows;
  }

  /** Copies the tenant's schema rows into the row tables, after checking each carries the tenant. */
  void copyToRows() throws SQLException {
    for (Table table : parentsFirst(tenantSchema)) {
      String column = SqlQuoting.identifier(table.column());
      long strangers = count("SELECT count(*) FROM " + qualified(tenantSchema, table.name()) + " WHERE " + column
          + " IS DISTINCT FROM ?", tenant);
      if (strangers > 0) {
        throw conflict(strangers + " row(s) of " + qualified(tenantSchema, table.name()) + " do not hold tenant "
            + tenant + " in " + table.column() + ", so they cannot be told apart in the row model. Fix those rows "
            + "(the write listener fills the column on every insert through Hibernate) and move again.");
      }
      String columns = String.join(", ", commonColumns(table));
      execute("INSERT INTO " + qualified(rowSchema, table.name()) + " (" + columns + ") SELECT " + columns + " FROM "
          + qualified(tenantSchema, table.name()));
    }
    raiseSequences(tenantSchema, rowSchema);
  }

  /** Copies the tenant's rows of the row tables into its schema, then deletes them there, children first. */
  void copyToSchema() throws SQLException {
    List<Table> ordered = parentsFirst(tenantSchema);
    for (Table table : ordered) {
      String columns = String.join(", ", commonColumns(table));
      execute("INSERT INTO " + qualified(tenantSchema, table.name()) + " (" + columns + ") SELECT " + columns
          + " FROM " + qualified(rowSchema, table.name()) + " WHERE " + SqlQuoting.identifier(table.column())
          + " = ?", tenant);
    }
    for (int i = ordered.size() - 1; i >= 0; i--) {
      Table table = ordered.get(i);
      execute("DELETE FROM " + qualified(rowSchema, table.name()) + " WHERE " + SqlQuoting.identifier(table.column())
          + " = ?", tenant);
    }
    raiseSequences(rowSchema, tenantSchema);
  }

  /** The columns of the row model's table, read once, after checking it exists with its tenant column. */
  private List<String> requireRowTable(Table table) throws SQLException {
    if (table.column() == null) {
      throw conflict("Table " + table.name() + " has no tenant column, so its rows cannot live in the row model. Map "
          + "a @TenantKey attribute on its entity first.");
    }
    List<String> columns = columnsOf(rowSchema, table.name());
    if (columns.isEmpty()) {
      throw conflict("The row model has no table " + qualified(rowSchema, table.name()) + ". Create the row model's "
          + "tables in schema " + rowSchema + " first (your migration, or the row model's schema export).");
    }
    if (!columns.contains(table.column())) {
      throw conflict("Table " + qualified(rowSchema, table.name()) + " has no tenant column " + table.column() + ".");
    }
    return columns;
  }

  /** The columns of the table in both schemas, quoted, in the tenant schema's order. */
  private List<String> commonColumns(Table table) throws SQLException {
    Set<String> rowColumns = new LinkedHashSet<>(requireRowTable(table));
    List<String> common = new ArrayList<>();
    for (String column : columnsOf(tenantSchema, table.name())) {
      if (rowColumns.contains(column)) {
        common.add(SqlQuoting.identifier(column));
      }
    }
    return common;
  }

  private List<String> columnsOf(String schema, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT a.attname FROM pg_attribute a"
        + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''"
        + " ORDER BY a.attnum")) {
      ps.setString(1, qualified(schema, table));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  /** The tables in an order where every table comes after the tables its foreign keys in {@code schema} reference. */
  private List<Table> parentsFirst(String schema) throws SQLException {
    Map<String, Set<String>> parents = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT c.relname, p.relname FROM pg_constraint k"
        + " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid"
        + " WHERE k.contype = 'f' AND c.relnamespace = to_regnamespace(?) AND p.relnamespace = c.relnamespace"
        + " AND c.oid <> p.oid")) {
      ps.setString(1, SqlQuoting.identifier(schema));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          parents.computeIfAbsent(rs.getString(1), t -> new LinkedHashSet<>()).add(rs.getString(2));
        }
      }
    }
    List<Table> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    List<Table> left = new ArrayList<>(tables);
    while (!left.isEmpty()) {
      boolean progress = false;
      for (var it = left.iterator(); it.hasNext();) {
        Table table = it.next();
        Set<String> needs = new LinkedHashSet<>(parents.getOrDefault(table.name(), Set.of()));
        needs.retainAll(left.stream().map(Table::name).toList());
        if (placed.containsAll(needs)) {
          ordered.add(table);
          placed.add(table.name());
          it.remove();
          progress = true;
        }
      }
      if (!progress) {
        ordered.addAll(left); // a cycle of foreign keys: only deferrable ones can be filled anyway
        break;
      }
    }
    return ordered;
  }

  /**
   * Sets each sequence of {@code to} that {@code from} has too at least as far as {@code from}'s,
   * so that ids drawn after the move do not repeat the moved rows' ids.
   */
  private void raiseSequences(String from, String to) throws SQLException {
    List<String> sequences = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT s.relname FROM pg_class s JOIN pg_class t"
        + " ON t.relname = s.relname AND t.relkind = 'S' AND t.relnamespace = to_regnamespace(?)"
        + " WHERE s.relkind = 'S' AND s.relnamespace = to_regnamespace(?)")) {
      ps.setString(1, SqlQuoting.identifier(to));
      ps.setString(2, SqlQuoting.identifier(from));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sequences.add(rs.getString(1));
        }
      }
    }
    for (String sequence : sequences) {
      String source = qualified(from, sequence);
      String target = qualified(to, sequence);
      execute("SELECT setval(" + SqlQuoting.literal(target) + ", greatest((SELECT last_value FROM " + target
          + "), (SELECT last_value FROM " + source + ")))");
    }
  }

  private static String qualified(String schema, String table) {
    return SqlQuoting.identifier(schema) + "." + SqlQuoting.identifier(table);
  }

  private long count(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement ps = prepare(sql, parameters); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql, Object... parameters) throws SQLException {
    if (parameters.length == 0) {
      try (Statement s = connection.createStatement()) {
        s.execute(sql);
      }
      return;
    }
    try (PreparedStatement ps = prepare(sql, parameters)) {
      ps.execute();
    }
  }

  private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      // the caller's try-with-resources never gets it: close it here
      ps.close();
      throw e;
    }
  }

  private TenantSchemaException conflict(String why) {
    return new TenantSchemaException(Problem.MODEL_CONFLICT, "Tenant " + tenant + " cannot move between schema "
        + tenantSchema + " and the row model in " + rowSchema + ": " + why + " Nothing was changed.");
  }
}
