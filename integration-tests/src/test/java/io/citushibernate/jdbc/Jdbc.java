package io.citushibernate.jdbc;

import io.citushibernate.testkit.RoutingCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC for the tests of this package: rows as strings, work on a connection, fixture statements. */
final class Jdbc {
  private Jdbc() {
  }

  /** Work on a connection. */
  interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  /** {@code work} on a connection of {@code dataSource}, closed after. */
  static <T> T with(DataSource dataSource, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.on(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JDBC work that brings its own connection. */
  interface Action<T> {
    T run() throws SQLException;
  }

  /** {@code action}, its SQL exceptions unchecked. */
  static <T> T unchecked(Action<T> action) {
    try {
      return action.run();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fixture statements run unscoped on the raw pool, every tenant at once (multi-shard on purpose). */
  static void fixture(DataSource pool, String... statements) {
    RoutingCheck.allowMultiShard(() -> with(pool, c -> {
      try (Statement s = c.createStatement()) {
        for (String sql : statements) {
          s.execute(sql);
        }
      }
      return null;
    }));
  }

  /** Every row of {@code sql}'s result, each as its columns joined by {@code |}. */
  static List<String> rows(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    ResultSetMetaData meta = rs.getMetaData();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        row.append(i == 1 ? "" : "|").append(rs.getString(i));
      }
      rows.add(row.toString());
    }
    return rows;
  }

  static List<String> query(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rows(rs);
      }
    }
  }

  /** {@code sql}'s rows, read unscoped on the raw pool, every tenant at once. */
  static List<String> everyTenant(DataSource pool, String sql) {
    return RoutingCheck.allowMultiShard(() -> with(pool, c -> query(c, sql)));
  }
}
