package io.citushibernate.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.citushibernate.CitusSettings;
import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsData;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsLoader;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsModel;
import io.citushibernate.schema.CitusDdl;
import io.citushibernate.tenancy.CitusTenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * The ad-analytics data a second time, schema per tenant ({@code citus.hibernate.tenancy=schema}),
 * on the server of an {@link AdAnalyticsDatabase} whose row-model tables stay in the connection's
 * default schema: geo_ips (a reference table on Citus) in the shared schema
 * {@value #SHARED_SCHEMA}, and every tenant a schema of its own made by {@link CitusTenants#create}
 * (the tenant tables from the mapping; on Citus a distributed schema), loaded with
 * {@link AdAnalyticsLoader#copyBySchema}. The schema side's connections search the tenant's schema,
 * then {@value #SHARED_SCHEMA}, never the row model's schema, so a schema-mode statement can never
 * fall through to the row tables (which hold every tenant's rows).
 *
 * <p>While it creates the tenants it measures what a tenant costs: the time of each
 * {@code create} and the catalog before and after ({@link Catalog}), printed and appended as one
 * JSON line to the file of {@code -D}{@value #FILE_PROPERTY} (by default
 * {@code benchmarks/results/schema-tenancy.jsonl}, next to the suite's JMH results).
 */
final class TenantSchemaDatabase implements AutoCloseable {
  /** The shared schema of the schema side: geo_ips, and nothing a tenant statement could fall through to. */
  static final String SHARED_SCHEMA = "tenancy_shared";
  /** The system property naming the file the tenant-creation figures are appended to. */
  static final String FILE_PROPERTY = "citus.bench.tenancy";
  /** How many of the first and of the last creates {@link TenantCreation} averages apart. */
  private static final int EDGE = 10;

  private final HikariDataSource pool;
  private final HibernateWorkload workload;

  private TenantSchemaDatabase(HikariDataSource pool, HibernateWorkload workload) {
    this.pool = pool;
    this.workload = workload;
  }

  /**
   * Creates and loads the schema side of {@code db}'s server with {@code db.tenants()} tenants,
   * measuring the creates; its workload runs on a pool of {@code poolSize} connections.
   */
  static TenantSchemaDatabase start(AdAnalyticsDatabase db, int poolSize) {
    HikariDataSource pool = db.pool("schema", poolSize, 5, SHARED_SCHEMA);
    HibernateWorkload workload = null;
    try {
      createSharedSchema(db);
      SessionFactory sessionFactory = HibernateWorkload.modelSessionFactory(pool, true, AdAnalyticsModel.ENTITIES,
          Map.of(CitusSettings.TENANCY, "schema", CitusSettings.SCHEMA_SHARED, SHARED_SCHEMA));
      workload = new HibernateWorkload(sessionFactory, HibernateWorkload.Scoping.CITUS);
      CitusTenants tenants = CitusTenants.of(sessionFactory);
      tenants.list().forEach(t -> tenants.drop(t.tenant()));
      record(create(db, tenants));
      load(db, tenants);
      return new TenantSchemaDatabase(pool, workload);
    } catch (SQLException | RuntimeException e) {
      AdAnalyticsDatabase.closeAll(workload, pool);
      throw new IllegalStateException("Cannot create the schema-per-tenant side: " + e.getMessage(), e);
    }
  }

  /** The workload in schema mode: citus-hibernate on, every request in its tenant's schema. */
  Workload workload() {
    return workload;
  }

  /**
   * The shared schema, made afresh, with geo_ips from citus-hibernate's export ({@link CitusDdl}),
   * on Citus a reference table. Schema-based sharding is turned off for this session so that the
   * shared schema stays a plain one, as reference tables need.
   */
  private static void createSharedSchema(AdAnalyticsDatabase db) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      if (db.citus()) {
        s.execute("set citus.enable_schema_based_sharding to off");
      }
      s.execute("drop schema if exists " + SHARED_SCHEMA + " cascade");
      s.execute("create schema " + SHARED_SCHEMA);
      s.execute("set search_path to " + SHARED_SCHEMA);
      for (String statement : CitusDdl.script(AdAnalyticsModel.ENTITIES).split(";\\s*")) {
        boolean geoIps = statement.contains("geo_ips");
        if (geoIps && (db.citus() || !statement.startsWith("select create_"))) {
          s.execute(statement);
        }
      }
    }
  }

  /** Tenants 1 to {@code db.tenants()}, each created with {@link CitusTenants#create} and timed, the catalog read around them. */
  private static TenantCreation create(AdAnalyticsDatabase db, CitusTenants tenants) throws SQLException {
    Catalog before = Catalog.read(db);
    double[] millis = new double[db.tenants()];
    for (int t = 1; t <= db.tenants(); t++) {
      long start = System.nanoTime();
      tenants.create((long) t);
      millis[t - 1] = (System.nanoTime() - start) / 1e6;
    }
    Catalog after = Catalog.read(db);
    int edge = Math.min(EDGE, millis.length);
    return new TenantCreation(db.targetName(), db.tenants(), mean(millis, 0, millis.length), mean(millis, 0, edge),
        mean(millis, millis.length - edge, millis.length), before, after);
  }

  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }

  /**
   * Loads the tenants' rows, each company into its schema, and geo_ips into the shared schema.
   * The campaigns get the text[] column the model does not map but the loader fills (as on the row
   * side), and each tenant's click sequence starts past the loaded clicks, as on the row side.
   */
  private static void load(AdAnalyticsDatabase db, CitusTenants tenants) throws SQLException {
    long lastClick = AdAnalyticsDatabase.adId(
        AdAnalyticsDatabase.campaignId(db.tenants(), AdAnalyticsDatabase.CAMPAIGNS_PER_TENANT - 1),
        AdAnalyticsDatabase.ADS_PER_CAMPAIGN - 1);
    try (Connection c = db.dataSource().getConnection()) {
      try (Statement s = c.createStatement()) {
        for (long t = 1; t <= db.tenants(); t++) {
          String schema = SqlQuoting.identifier(tenants.schemaOf(t));
          s.execute("alter table " + schema + ".campaigns add column blacklisted_site_urls text[]");
          s.execute("alter sequence " + schema + ".clicks_seq restart with " + (lastClick + 100));
        }
        s.execute("set search_path to " + SHARED_SCHEMA);
      }
      AdAnalyticsLoader.copyBySchema(c, AdAnalyticsData.regular(db.tenants(),
          t -> AdAnalyticsDatabase.CAMPAIGNS_PER_TENANT, t -> AdAnalyticsDatabase.ADS_PER_CAMPAIGN, 1),
          tenants::schemaOf, AdAnalyticsLoader.Progress.NONE);
      try (Statement s = c.createStatement()) {
        s.execute("vacuum analyze");
      }
    }
  }

  private static void record(TenantCreation creation) {
    String file = System.getProperty(FILE_PROPERTY);
    Path path;
    if (file != null && !file.isBlank()) {
      path = Paths.get(file);
    } else {
      path = RunBenchmarks.defaultOut().resolve("schema-tenancy.jsonl");
    }
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the directory of " + path, e);
    }
    ForkResults.append(path, creation, creation.line());
  }

  @Override
  public void close() {
    AdAnalyticsDatabase.closeAll(workload, pool);
  }

  /**
   * The size of the catalog: relations ({@code pg_class} rows) on the coordinator (or the only
   * server) and, on Citus, summed over the workers (where the shards are), Citus' distributed
   * tables ({@code pg_dist_partition} rows), and the database's size in bytes, coordinator and
   * workers' sum. Without Citus the worker figures and the distributed tables are 0.
   */
  record Catalog(long relations, long workerRelations, long distributedTables, long bytes, long workerBytes) {
    static Catalog read(AdAnalyticsDatabase db) throws SQLException {
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        long relations = Long.parseLong(DatabaseTarget.single(s, "select count(*) from pg_class"));
        long bytes = Long.parseLong(DatabaseTarget.single(s, "select pg_database_size(current_database())"));
        if (!db.citus()) {
          return new Catalog(relations, 0, 0, bytes, 0);
        }
        return new Catalog(relations, onWorkers(s, "select count(*) from pg_class"),
            Long.parseLong(DatabaseTarget.single(s, "select count(*) from pg_dist_partition")), bytes,
            onWorkers(s, "select pg_database_size(current_database())"));
      }
    }

    /** The sum over the workers of {@code sql}'s single number. */
    private static long onWorkers(Statement s, String sql) throws SQLException {
      return Long.parseLong(DatabaseTarget.single(s, "select coalesce(sum(result::bigint), 0) from "
          + "run_command_on_workers($$" + sql + "$$) where success"));
    }
  }

  /** What creating the tenants cost: the mean time of a create (all, first and last ten), the catalog before and after. */
  record TenantCreation(String target, int tenants, double meanMillis, double first10Millis, double last10Millis,
      Catalog before, Catalog after) {
    String line() {
      return String.format(Locale.ROOT, "[schema tenancy, %s] %d tenants created: %.1f ms each "
          + "(first %d: %.1f ms, last %d: %.1f ms); pg_class %d -> %d (+%d), on the workers %d -> %d (+%d); "
          + "pg_dist_partition %d -> %d (+%d); database size +%d kB, on the workers +%d kB", target, tenants,
          meanMillis, Math.min(EDGE, tenants), first10Millis, Math.min(EDGE, tenants), last10Millis,
          before.relations, after.relations, after.relations - before.relations, before.workerRelations,
          after.workerRelations, after.workerRelations - before.workerRelations, before.distributedTables,
          after.distributedTables, after.distributedTables - before.distributedTables,
          (after.bytes - before.bytes) / 1024, (after.workerBytes - before.workerBytes) / 1024);
    }
  }
}
