package io.citushibernate.examples.storemigration;

import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.TextTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What the database says about the four tables: their keys, the backfill, and on Citus their distribution. */
public final class Catalog {
  /** Primary, unique and foreign keys of the four tables, primary keys first, as pg_get_constraintdef prints them. */
  static final String KEYS = """
      SELECT t.relname AS "table", c.conname AS "constraint", pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
       WHERE t.relnamespace = current_schema()::regnamespace
         AND t.relname IN ('stores', 'products', 'orders', 'line_items')
         AND c.contype IN ('p', 'u', 'f')
       ORDER BY array_position(ARRAY['stores', 'products', 'orders', 'line_items'], t.relname::text),
                position(c.contype IN 'puf'), c.conname""";

  /**
   * The guide's backfill, checked: every line item carries the store of its order. Order ids are unique, so a line
   * item whose (store_id, order_id) names no order has another store than its order. Looking it up by both columns
   * keeps the check a co-located join once Citus distributed the tables by store_id (joining on order_id alone
   * would need a repartition join, which Citus refuses by default).
   */
  static final String BACKFILL = """
      SELECT count(*) AS line_items,
             count(*) FILTER (WHERE l.store_id IS NULL) AS without_store_id,
             count(*) FILTER (WHERE l.store_id IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM orders o WHERE o.store_id = l.store_id AND o.order_id = l.order_id))
               AS other_store_than_order
        FROM line_items l""";

  /** From Citus' citus_tables view, wherever it lives ({@code %s}): public, or pg_catalog where there is no public. */
  static final String DISTRIBUTION = """
      SELECT table_name::text AS "table", citus_table_type AS type, distribution_column,
             colocation_id, shard_count
        FROM %s
       WHERE table_name::text IN ('stores', 'products', 'orders', 'line_items')
       ORDER BY colocation_id, array_position(ARRAY['stores', 'products', 'orders', 'line_items'], table_name::text)""";

  private final DataSource dataSource;
  private final Report report;

  public Catalog(DataSource dataSource, Report report) {
    this.dataSource = dataSource;
    this.report = report;
  }

  public void printKeys(String title) {
    report.section(title);
    report.line("From pg_constraint (primary, unique and foreign keys):");
    report.table(query(KEYS));
  }

  public void printBackfill() {
    report.line("");
    report.line("Backfill check, line_items against their orders:");
    report.table(query(BACKFILL));
  }

  public void printDistribution(boolean citus) {
    report.line("");
    if (!citus) {
      report.line("Distribution: none. This database has no citus extension, so citus-liquibase skipped the four");
      report.line("createDistributedTable changes (above); the keys are ready for them. Run with --jdbc-url pointing");
      report.line("at a Citus coordinator to distribute the tables.");
      return;
    }
    report.line("Distribution, from citus_tables:");
    // Qualified: an application whose search_path is its own schema only (currentSchema=...) does not see public.
    report.table(query(DISTRIBUTION.formatted(citusTablesView())));
  }

  private String citusTablesView() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(to_regclass('public.citus_tables'), "
            + "to_regclass('pg_catalog.citus_tables'))::text")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot find Citus' citus_tables view: " + e.getMessage(), e);
    }
  }

  private TextTable query(String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      String[] headers = new String[meta.getColumnCount()];
      for (int i = 0; i < headers.length; i++) {
        headers[i] = meta.getColumnLabel(i + 1);
      }
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[headers.length];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(row);
      }
      return new TextTable(headers).rows(rows);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the catalog: " + e.getMessage(), e);
    }
  }
}
