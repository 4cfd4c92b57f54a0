package io.citushibernate.examples.storemigration;

import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.TextTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The application's database before the migration: {@code db/before.sql} (single-column keys,
 * line_items without store_id) and generated data, written with plain JDBC as the single-node
 * application would have. Every run starts from here, so the migration runs every time.
 */
public final class BeforeSchema {
  static final String SCRIPT = "db/before.sql";

  private final DataSource dataSource;
  private final Report report;

  public BeforeSchema(DataSource dataSource, Report report) {
    this.dataSource = dataSource;
    this.report = report;
  }

  /** Drops what an earlier run left, creates the "before" tables and fills them. */
  public void create(SampleData data) {
    report.section("Before: " + SCRIPT + " and generated data");
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      reset(c);
      try (Statement s = c.createStatement()) {
        s.execute(script());
      }
      insert(c, data);
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the \"before\" schema: " + e.getMessage(), e);
    }
    report.table(new TextTable("table", "rows")
        .row("stores", data.stores().size())
        .row("products", data.products().size())
        .row("orders", data.orders().size())
        .row("line_items", data.lineItems().size()));
  }

  /**
   * Drops the four tables (distributed ones too, on Citus) and forgets this changelog's changesets,
   * so that the migration runs again on the fresh "before" schema.
   */
  private void reset(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS line_items, orders, products, stores CASCADE");
      s.execute("""
          DO $$
          BEGIN
            IF to_regclass('databasechangelog') IS NOT NULL THEN
              DELETE FROM databasechangelog WHERE filename = '%s';
            END IF;
          END $$""".formatted(StoreMigrationApp.CHANGELOG));
    }
  }

  private static void insert(Connection c, SampleData data) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO stores (store_id, name, owner_email) VALUES (?, ?, ?)")) {
      for (SampleData.Store s : data.stores()) {
        ps.setObject(1, s.storeId());
        ps.setString(2, s.name());
        ps.setString(3, s.ownerEmail());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO products (product_id, store_id, name, price) VALUES (?, ?, ?, ?)")) {
      for (SampleData.Product p : data.products()) {
        ps.setLong(1, p.productId());
        ps.setObject(2, p.storeId());
        ps.setString(3, p.name());
        ps.setBigDecimal(4, p.price());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO orders (order_id, store_id, order_number, status, ordered_at) VALUES (?, ?, ?, ?, ?)")) {
      for (SampleData.Order o : data.orders()) {
        ps.setLong(1, o.orderId());
        ps.setObject(2, o.storeId());
        ps.setString(3, o.number());
        ps.setString(4, o.status());
        ps.setObject(5, o.orderedAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO line_items (line_item_id, order_id, product_id, quantity) VALUES (?, ?, ?, ?)")) {
      for (SampleData.LineItem l : data.lineItems()) {
        ps.setLong(1, l.lineItemId());
        ps.setLong(2, l.orderId());
        ps.setLong(3, l.productId());
        ps.setInt(4, l.quantity());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String script() {
    try (InputStream in = BeforeSchema.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + SCRIPT, e);
    }
  }
}
