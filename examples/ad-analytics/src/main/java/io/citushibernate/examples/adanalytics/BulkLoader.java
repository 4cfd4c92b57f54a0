package io.citushibernate.examples.adanalytics;

import io.citushibernate.examples.support.Report;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsData;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsLoader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/**
 * Loads the generated data with COPY ... FROM STDIN (CSV), what the tutorial's {@code \copy} does: one
 * COPY per table, streamed company by company, referenced tables first (the fixtures'
 * {@link AdAnalyticsLoader}). Through the JDBC pool, not Hibernate: bulk loading is no job for an ORM,
 * and on Citus the coordinator routes each row itself.
 */
public final class BulkLoader {
  /** Print progress at most this often, and only for loads that take longer. */
  private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

  private final DataSource dataSource;
  private final Report report;

  public BulkLoader(DataSource dataSource, Report report) {
    this.dataSource = dataSource;
    this.report = report;
  }

  public void load(AdAnalyticsData data) {
    report.section("Data: COPY " + data.companyCount() + " companies");
    try (Connection connection = dataSource.getConnection()) {
      emptyTables(connection);
      AdAnalyticsLoader.copy(connection, data, new Progress());
      try (Statement s = connection.createStatement()) {
        // fresh statistics, so the planner sees the real table sizes (and the indexes are worth using)
        s.execute("ANALYZE companies, campaigns, ads, clicks, impressions, geo_ips");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Bulk load failed: " + e.getMessage(), e);
    }
  }

  /**
   * Loads {@code data} schema per tenant ({@code --tenancy schema}): each company's rows into its own schema, named
   * by {@code schemaOf}, which must hold empty tenant tables; geo_ips into the connection's schema.
   */
  public void loadBySchema(AdAnalyticsData data, LongFunction<String> schemaOf) {
    report.section("Data: COPY " + data.companyCount() + " companies, each into its own schema");
    try (Connection connection = dataSource.getConnection()) {
      try (Statement s = connection.createStatement()) {
        s.execute("TRUNCATE geo_ips");
      }
      AdAnalyticsLoader.copyBySchema(connection, data, schemaOf, new Progress());
    } catch (SQLException e) {
      throw new IllegalStateException("Bulk load failed: " + e.getMessage(), e);
    }
  }

  /** Re-runs against the same database start over: COPY would otherwise hit the primary keys. */
  private void emptyTables(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      boolean loaded;
      try (ResultSet rs = s.executeQuery("select exists (select 1 from companies)")) {
        rs.next();
        loaded = rs.getBoolean(1);
      }
      if (loaded) {
        report.line("Tables hold data from an earlier run: TRUNCATE companies, campaigns, ads, clicks, impressions, "
            + "geo_ips");
        s.execute("TRUNCATE companies, campaigns, ads, clicks, impressions, geo_ips");
      }
    }
  }

  /** A line per table, and for long loads a line every {@link #PROGRESS_EVERY_NANOS} while one runs. */
  private final class Progress implements AdAnalyticsLoader.Progress {
    private String table;
    private long lastReport;

    @Override
    public void copying(String table, int done, int companies) {
      long now = System.nanoTime();
      if (!table.equals(this.table)) {
        this.table = table;
        lastReport = now;
      } else if (now - lastReport >= PROGRESS_EVERY_NANOS) {
        report.line(String.format("  %-12s %,d of %,d companies ...", table, done, companies));
        lastReport = now;
      }
    }

    @Override
    public void copied(String table, long rows, long nanos) {
      report.line(String.format("  %-12s %,10d rows  %6.2f s", table, rows, nanos / 1e9));
    }
  }
}
