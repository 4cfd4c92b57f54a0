package io.citushibernate.examples.adanalytics;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Loads {@link SampleData} with COPY ... FROM STDIN (CSV), what the tutorial's {@code \copy} does: one
 * COPY per table, streamed company by company, referenced tables first. Through the JDBC pool, not
 * Hibernate: bulk loading is no job for an ORM, and on Citus the coordinator routes each row itself.
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

  public void load(SampleData data) {
    report.section("Data: COPY " + data.tenants().size() + " companies");
    try (Connection connection = dataSource.getConnection()) {
      emptyTables(connection);
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      copyTenants(copy, data, "companies", "id, name, image_url, created_at, updated_at", data::company);
      copyTenants(copy, data, "campaigns", "id, company_id, name, cost_model, state, monthly_budget, "
          + "blacklisted_site_urls, created_at, updated_at", data::campaigns);
      copyTenants(copy, data, "ads", "id, company_id, campaign_id, name, image_url, target_url, impressions_count, "
          + "clicks_count, created_at, updated_at", data::ads);
      copyTenants(copy, data, "clicks", "id, company_id, ad_id, clicked_at, site_url, cost_per_click_usd, user_ip, "
          + "user_data", data::clicks);
      copyTenants(copy, data, "impressions", "id, company_id, ad_id, seen_at, site_url, cost_per_impression_usd, "
          + "user_ip, user_data", data::impressions);
      StringBuilder geo = new StringBuilder();
      data.geoIps(geo);
      long start = System.nanoTime();
      long rows = copy.copyIn("COPY geo_ips (addrs, latlon) FROM STDIN (FORMAT csv)",
          new StringReader(geo.toString()));
      done("geo_ips", rows, start);
      try (Statement s = connection.createStatement()) {
        // fresh statistics, so the planner sees the real table sizes (and the indexes are worth using)
        s.execute("ANALYZE companies, campaigns, ads, clicks, impressions, geo_ips");
      }
    } catch (SQLException | IOException e) {
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

  private void copyTenants(CopyManager copy, SampleData data, String table, String columns,
      BiConsumer<SampleData.Tenant, StringBuilder> rows) throws SQLException {
    long start = System.nanoTime();
    long lastReport = start;
    CopyIn in = copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)");
    try {
      StringBuilder csv = new StringBuilder(1 << 16);
      int done = 0;
      for (SampleData.Tenant tenant : data.tenants()) {
        csv.setLength(0);
        rows.accept(tenant, csv);
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        done++;
        long now = System.nanoTime();
        if (now - lastReport >= PROGRESS_EVERY_NANOS) {
          report.line(String.format("  %-12s %,d of %,d companies ...", table, done, data.tenants().size()));
          lastReport = now;
        }
      }
      done(table, in.endCopy(), start);
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private void done(String table, long rows, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    report.line(String.format("  %-12s %,10d rows  %6.2f s", table, rows, seconds));
  }
}
