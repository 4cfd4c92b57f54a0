package io.citushibernate.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two tenancy models of citus-hibernate side by side, paired like
 * {@link PairedEndToEndBenchmark}: five threads run {@link Workload#request} in the row model
 * ({@code citus.hibernate.tenancy=row}, today's tables in the connection's default schema, scoped by
 * the tenant predicate) while five run the same request in schema mode
 * ({@code citus.hibernate.tenancy=schema}, a schema per tenant, see {@link TenantSchemaDatabase}),
 * on one server with the same data, each side on its own pool of five connections (a schema-mode
 * connection must never serve the row side, whose tables its shared schema does not hold). JMH
 * reports {@code request:row} and {@code request:schema}.
 *
 * <p>On Citus, after the trial, each side runs more requests alone while {@link CitusCounters}
 * watches, as in {@link PairedEndToEndBenchmark}: the share of statements routed to one shard
 * (in schema mode, to the tenant's node) and the coordinator-to-worker connections per request.
 *
 * <p>Not part of the default suite: on Citus each trial creates every tenant schema (a tenth to a
 * quarter of a second each on a local cluster), and the comparison is meant for Citus. The setup also reports what a
 * tenant costs in schema mode (create time, catalog growth; {@link TenantSchemaDatabase}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 24, time = 10)
@Measurement(iterations = 12, time = 10)
public class SchemaTenancyBenchmark {
  /** Tenants loaded and cycled through, by each side independently; the same tenants on both sides. */
  @Param({"100", "1000"})
  public int tenants;

  private static final int THREADS_PER_SIDE = 5;
  /** The benchmark's name in the Citus counters' records. */
  private static final String BENCHMARK = "schema-tenancy";

  private AdAnalyticsDatabase db;
  private HikariDataSource rowPool;
  private Workload rowWorkload;
  private TenantSchemaDatabase schemaDatabase;
  private final AtomicLong rowSequence = new AtomicLong();
  private final AtomicLong schemaSequence = new AtomicLong();
  private boolean counting;

  @Setup(Level.Trial)
  public void start() {
    db = AdAnalyticsDatabase.start(tenants);
    counting = db.citus() && CitusCounters.enable(db.dataSource());
    rowPool = db.pool("row", THREADS_PER_SIDE, 5, null);
    rowWorkload = Variant.CITUS.create(rowPool);
    schemaDatabase = TenantSchemaDatabase.start(db, THREADS_PER_SIDE);
    requireSameAnswers(1);
    requireSameAnswers(tenants);
  }

  /**
   * Fails the trial unless both sides read the same of {@code tenant}: its campaigns, its statistics
   * and its first campaign's budget, read before any request changes them; a schema side that saw
   * another tenant's rows (or none) would differ.
   */
  private void requireSameAnswers(long tenant) {
    Workload schema = schemaDatabase.workload();
    String row = answers(rowWorkload, tenant);
    String other = answers(schema, tenant);
    if (!row.equals(other)) {
      throw new IllegalStateException("Tenant " + tenant + " reads differently in the row model (" + row
          + ") and in schema mode (" + other + "): the two sides do not hold the same data");
    }
  }

  private static String answers(Workload workload, long tenant) {
    return ((List<?>) workload.listCampaigns(tenant)).size() + " campaigns, "
        + "statistics " + Arrays.deepToString(((List<?>) workload.campaignStats(tenant)).toArray()) + ", budget "
        + workload.findById(tenant, 0);
  }

  @TearDown(Level.Trial)
  public void stop() {
    try {
      if (counting) {
        int requests = PairedEndToEndBenchmark.countedRequests();
        CitusCounters.record(CitusCounters.measure(BENCHMARK, tenants, "row", "schema", rowWorkload, db.dataSource(),
            THREADS_PER_SIDE, requests, rowSequence));
        CitusCounters.record(CitusCounters.measure(BENCHMARK, tenants, "schema", "row", schemaDatabase.workload(),
            db.dataSource(), THREADS_PER_SIDE, requests, schemaSequence));
      }
    } finally {
      AdAnalyticsDatabase.closeAll(rowWorkload, rowPool, schemaDatabase, db);
    }
  }

  private Object request(Workload workload, AtomicLong sequence) {
    long n = sequence.getAndIncrement();
    return workload.request(AdAnalyticsDatabase.tenantOf(n, tenants), AdAnalyticsDatabase.campaignOf(n, tenants));
  }

  /** One request in the row model. */
  @Benchmark
  @Group("request")
  @GroupThreads(THREADS_PER_SIDE)
  public Object row() {
    return request(rowWorkload, rowSequence);
  }

  /** One request in schema mode, in the tenant's schema. */
  @Benchmark
  @Group("request")
  @GroupThreads(THREADS_PER_SIDE)
  public Object schema() {
    return request(schemaDatabase.workload(), schemaSequence);
  }
}
