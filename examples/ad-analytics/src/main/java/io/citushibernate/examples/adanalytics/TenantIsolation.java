package io.citushibernate.examples.adanalytics;

import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.TextTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * "Dealing with big tenants": find the company with the most events, give it a shard of its own
 * with isolate_tenant_to_new_shard (CASCADE: its campaigns, ads, clicks and impressions too), and
 * show per-tenant statistics from citus_stat_tenants. These are operator tasks across tenants, so
 * they use plain JDBC rather than the tenant-scoped Hibernate session.
 */
public final class TenantIsolation {
  private static final String LARGEST_TENANT = """
      select company_id, count(*) as events
        from (select company_id from clicks union all select company_id from impressions) e
       group by company_id order by events desc, company_id limit 1""";

  private final DataSource dataSource;
  private final Report report;

  public TenantIsolation(DataSource dataSource, Report report) {
    this.dataSource = dataSource;
    this.report = report;
  }

  public void run(boolean citus) {
    report.section("Big tenants: isolate_tenant_to_new_shard, citus_stat_tenants");
    try (Connection c = dataSource.getConnection()) {
      long[] largest = largestTenant(c);
      report.line(String.format("Largest tenant: company %d with %,d clicks and impressions.", largest[0], largest[1]));
      if (!citus) {
        report.line("Skipped isolate_tenant_to_new_shard and citus_stat_tenants: this database has no citus "
            + "extension (nothing in pg_extension named 'citus'), so there are no shards to isolate and no tenant "
            + "statistics. Run with --jdbc-url pointing at a Citus coordinator to see them.");
        return;
      }
      isolate(c, largest[0]);
      tenantStatistics(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Tenant isolation step failed: " + e.getMessage(), e);
    }
  }

  private static long[] largestTenant(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(LARGEST_TENANT); ResultSet rs = s.executeQuery()) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  private void isolate(Connection c, long tenant) throws SQLException {
    if (isolated(c, tenant)) {
      report.line("Company " + tenant + " already has a shard of its own (an earlier run isolated it).");
    } else {
      // block_writes: works without logical replication (wal_level), at the price of pausing the tenant's writes.
      String sql = "select isolate_tenant_to_new_shard('companies', ?, 'CASCADE', shard_transfer_mode => 'block_writes')";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setLong(1, tenant);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          report.line("Isolated company " + tenant + " to new shard " + rs.getLong(1) + ".");
        }
      }
      report.line("SQL> " + sql.replace("?", Long.toString(tenant)));
    }
    print(c, """
        select s.shardid, s.shardminvalue, s.shardmaxvalue, p.nodename, p.nodeport
          from pg_dist_shard s join pg_dist_shard_placement p using (shardid)
         where s.shardid = get_shard_id_for_distribution_column('companies', ?)""", tenant);
  }

  private static boolean isolated(Connection c, long tenant) throws SQLException {
    String sql = "select shardminvalue = shardmaxvalue from pg_dist_shard "
        + "where shardid = get_shard_id_for_distribution_column('companies', ?)";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private void tenantStatistics(Connection c) throws SQLException {
    report.line("");
    report.line("citus_stat_tenants (the busiest tenants of this period):");
    int rows = print(c, """
        select tenant_attribute as tenant, query_count_in_this_period as queries, read_count_in_this_period as reads,
               cpu_usage_in_this_period as cpu_seconds
          from citus_stat_tenants order by query_count_in_this_period desc, tenant_attribute limit 10""");
    if (rows == 0) {
      report.line("No statistics: citus.stat_tenants_track is 'none' by default. Enable it with "
          + "ALTER SYSTEM SET citus.stat_tenants_track = 'all'; SELECT pg_reload_conf(); and run again.");
    }
  }

  /** Prints a query's result as a table; returns the row count. */
  private int print(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        String[] headers = new String[meta.getColumnCount()];
        for (int i = 0; i < headers.length; i++) {
          headers[i] = meta.getColumnLabel(i + 1);
        }
        TextTable table = new TextTable(headers);
        int rows = 0;
        while (rs.next()) {
          Object[] row = new Object[headers.length];
          for (int i = 0; i < row.length; i++) {
            row[i] = rs.getObject(i + 1);
          }
          table.row(row);
          rows++;
        }
        report.table(table);
        return rows;
      }
    }
  }
}
