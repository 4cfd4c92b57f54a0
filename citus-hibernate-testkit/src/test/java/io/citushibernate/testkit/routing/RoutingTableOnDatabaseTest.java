package io.citushibernate.testkit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.AuditNote;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Click;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.fixtures.adanalytics.GeoIp;
import io.citushibernate.testkit.AdAnalyticsFixture;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RequiresCitus;
import io.citushibernate.testkit.RoutingCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link RoutingTable} against the test database. On Citus every statement runs with
 * {@code citus.multi_task_query_log_level = 'error'} and whether Citus refuses it must match the
 * table. Elsewhere the table's SQL must run on the real schema, and the testkit must refuse
 * exactly the statements whose verdict is not routable.
 */
@CitusTest(entities = {Company.class, Campaign.class, Ad.class, Click.class, GeoIp.class, AuditNote.class})
class RoutingTableOnDatabaseTest {
  SessionFactory sessions;
  CitusDatabase database;

  @Test
  @RequiresCitus
  void citusRefusesExactlyTheMultiShardRows() throws SQLException {
    AdAnalyticsFixture.load(sessions, 2);
    List<String> disagreements = new ArrayList<>();
    boolean distinctShards;
    try (Connection c = database.dataSource().getConnection()) {
      distinctShards = distinctShards(c);
    }
    for (RoutingTable.Row row : RoutingTable.ROWS) {
      if (!distinctShards && (row.sql().contains("2") || row.parameters().containsValue(2L))) {
        continue; // tenants 1 and 2 share a shard here: the two-tenant rows prove nothing
      }
      // A connection per row: the pool discards a connection after some Citus errors (SQLSTATE 0A000).
      String error;
      try (Connection c = database.dataSource().getConnection()) {
        error = run(c, row);
      }
      if ((error != null) != row.citusRejects()) {
        disagreements.add(row.sql() + " -> " + (error == null ? "ran" : error));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void testkitRefusesExactlyTheRowsItsAnalyzerRejectsAndTheSqlIsValid() throws SQLException {
    assumeFalse(database.isCitus(), "Citus checks routing itself");
    AdAnalyticsFixture.load(sessions, 2);
    List<String> disagreements = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection()) {
      for (RoutingTable.Row row : RoutingTable.ROWS) {
        String invalid = RoutingCheck.allowMultiShard(() -> run(c, row));
        if (invalid != null && !invalid.contains("null value in column \"company_id\"")) {
          disagreements.add("invalid SQL for the schema: " + row.sql() + " -> " + invalid);
          continue;
        }
        boolean routable = row.verdict() == Verdict.Kind.SINGLE_SHARD
            || row.verdict() == Verdict.Kind.NO_DISTRIBUTED_TABLE;
        String refused = run(c, row);
        if ((refused != null) == routable) {
          disagreements.add(row.sql() + " -> " + (refused == null ? "ran" : refused));
        }
        if (refused != null && !refused.contains("Multi-shard statement refused")) {
          disagreements.add(row.sql() + " failed otherwise: " + refused);
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  private static boolean distinctShards(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT get_shard_id_for_distribution_column('campaigns', 1) <> "
            + "get_shard_id_for_distribution_column('campaigns', 2)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Runs the row in a transaction that is rolled back; the error message, or {@code null}. */
  private static String run(Connection c, RoutingTable.Row row) {
    try {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(row.sql())) {
        for (Map.Entry<Integer, Object> p : row.parameters().entrySet()) {
          ps.setObject(p.getKey(), p.getValue());
        }
        ps.execute();
      }
      return null;
    } catch (SQLException e) {
      return e.getMessage();
    } finally {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the connection is closed by the caller
      }
    }
  }
}
