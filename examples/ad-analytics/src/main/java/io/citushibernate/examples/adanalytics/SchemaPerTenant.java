package io.citushibernate.examples.adanalytics;

import io.citushibernate.CitusSettings;
import io.citushibernate.citus.ShardTransferMode;
import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.examples.support.LiquibaseMigration;
import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.TextTable;
import io.citushibernate.liquibase.TenantMigration;
import io.citushibernate.liquibase.TenantMigrationReport;
import io.citushibernate.liquibase.TenantSchemaMigrations;
import io.citushibernate.tenancy.CitusTenants;
import io.citushibernate.tenancy.TenantInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * {@code --tenancy schema}: the same tutorial with a schema per company ({@code citus.hibernate.tenancy=schema}).
 * The shared table (geo_ips, a reference table on Citus) lives in the connection's schema; every company gets a
 * schema of its own made by {@link CitusTenants#createSchema} (a distributed schema on Citus, which Citus keeps whole
 * on one node), whose tables come from the same Liquibase changelog, run in each schema by citus-liquibase's
 * {@link TenantSchemaMigrations}. The changelog's labels pick the changesets: {@value #SHARED_TABLES} once, then
 * {@value #TENANT_TABLES} per tenant; the row model's distribution changesets do not run.
 */
final class SchemaPerTenant {
  static final String SHARED_TABLES = "shared-tables";
  static final String TENANT_TABLES = "tenant-tables";

  private final DataSource dataSource;
  private final Report report;

  SchemaPerTenant(DataSource dataSource, Report report) {
    this.dataSource = dataSource;
    this.report = report;
  }

  /**
   * The session factory settings of schema mode; the shared schema is the connection's own, so that the example runs
   * in whatever schema its URL chooses ({@code currentSchema=...}).
   */
  Map<String, Object> settings() {
    return Map.of(CitusSettings.TENANCY, "schema", CitusSettings.SCHEMA_SHARED, currentSchema());
  }

  /** The shared tables, once, in the shared schema. */
  void migrateShared() {
    LiquibaseMigration.apply(dataSource, report, "Shared schema", AdAnalyticsApp.CHANGELOG, SHARED_TABLES);
  }

  /**
   * A fresh schema for each of {@code companies}: tenants of an earlier run are dropped first, then each schema is
   * created and the tenant changesets run in it.
   */
  void createTenants(CitusTenants tenants, List<Long> companies) {
    report.section("Tenants: a schema per company, CitusTenants.createSchema + TenantSchemaMigrations");
    List<TenantInfo> earlier = tenants.list();
    if (!earlier.isEmpty()) {
      report.line("Dropping " + earlier.size() + " tenant schema(s) of an earlier run: CitusTenants.drop");
      earlier.forEach(t -> tenants.drop(t.tenant()));
    }
    long start = System.nanoTime();
    companies.forEach(tenants::createSchema);
    report.line(String.format("Created %d schemas (%s ... %s) in %.2f s", companies.size(),
        tenants.schemaOf(companies.get(0)), tenants.schemaOf(companies.get(companies.size() - 1)),
        (System.nanoTime() - start) / 1e9));
    start = System.nanoTime();
    TenantMigrationReport migrated = LiquibaseMigration.quietly(() ->
        TenantSchemaMigrations.changelog(AdAnalyticsApp.CHANGELOG)
            .schemas(companies.stream().map(tenants::schemaOf).toList())
            .labelFilter(TENANT_TABLES)
            .onFailure(TenantSchemaMigrations.OnFailure.STOP)
            .run(dataSource))
        .throwIfUnsuccessful();
    Map<TenantMigration.Outcome, Long> outcomes = migrated.tenants().stream()
        .collect(Collectors.groupingBy(TenantMigration::outcome, Collectors.counting()));
    report.line(String.format("Ran the changelog's %s changesets in each schema in %.2f s: %s", TENANT_TABLES,
        (System.nanoTime() - start) / 1e9, outcomes));
  }

  /** Companies 1 to {@code count}. */
  static List<Long> companies(int count) {
    return LongStream.rangeClosed(1, count).boxed().toList();
  }

  /** The largest tenant by events, its place, and on Citus a move of its schema to another node. */
  void bigTenants(CitusTenants tenants, List<Long> companies, boolean citus) {
    report.section("Big tenants: CitusTenants.list and move (citus_schema_move)");
    long largest = 0;
    long mostEvents = -1;
    for (long company : companies) {
      long events = events(tenants.schemaOf(company));
      if (events > mostEvents) {
        largest = company;
        mostEvents = events;
      }
    }
    report.line(String.format("Largest tenant: company %d with %,d clicks and impressions.", largest, mostEvents));
    TenantInfo info = info(tenants, largest);
    show(info);
    if (!citus) {
      report.line("Skipped citus_schema_move: this database has no citus extension, so every schema is on this "
          + "server. Run with --jdbc-url pointing at a Citus coordinator to see it.");
      return;
    }
    String target = otherWorker(info.node());
    if (target == null) {
      report.line("Skipped citus_schema_move: the cluster has no other worker than " + info.node() + ".");
      return;
    }
    int colon = target.lastIndexOf(':');
    // block_writes: works without logical replication (wal_level), at the price of pausing the tenant's writes.
    tenants.move(largest, target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)),
        ShardTransferMode.BLOCK_WRITES);
    report.line("Moved company " + largest + "'s schema to " + target + ": CitusTenants.move(" + largest + "L, ...)");
    show(info(tenants, largest));
  }

  private void show(TenantInfo info) {
    report.table(new TextTable("tenant", "schema", "distributed", "node", "size")
        .row(info.tenant(), info.schema(), info.distributed(), info.node() == null ? "(this server)" : info.node(),
            String.format("%,d kB", info.sizeBytes() / 1024)));
  }

  private static TenantInfo info(CitusTenants tenants, long company) {
    return tenants.list().stream().filter(t -> t.tenant().equals(company)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Company " + company + " has no tenant schema"));
  }

  /** Operator work on one named schema: plain JDBC with the schema written out, not a tenant scope. */
  private long events(String schema) {
    String quoted = SqlQuoting.identifier(schema);
    return single("select (select count(*) from " + quoted + ".clicks) + (select count(*) from " + quoted
        + ".impressions)");
  }

  /** A primary worker other than {@code node} ({@code host:port}), or {@code null}. */
  private String otherWorker(String node) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select nodename || ':' || nodeport from pg_dist_node where noderole = 'primary'"
            + " and groupid <> 0 and isactive order by nodeid")) {
      while (rs.next()) {
        if (!rs.getString(1).equals(node)) {
          return rs.getString(1);
        }
      }
      return null;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read pg_dist_node: " + e.getMessage(), e);
    }
  }

  private String currentSchema() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_schema()")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the current schema: " + e.getMessage(), e);
    }
  }

  private long single(String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + sql + ": " + e.getMessage(), e);
    }
  }
}
