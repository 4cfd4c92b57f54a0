package io.citushibernate.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
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
 * {@link EndToEndBenchmark#request()} for two variants at once: five threads run the workload
 * through citus-hibernate ({@code scoped}) while five run it through a {@code baseline} (plain
 * Hibernate with hand-written predicates by default; {@code tenant_id}, {@code jdbc} or
 * {@code unscoped}, see {@link Variant}), on one
 * server, one pool of 10 connections and the same data, in the same JVM. Both sides see the same
 * machine at the same moment (JIT, garbage collection, the server's checkpoints and vacuum, the
 * other programs of a shared machine), so the ratio of their throughputs, iteration by iteration,
 * is far steadier than a ratio of two separate runs. The threads of both sides share the cores
 * fairly, so a side that needs more CPU per request completes fewer requests.
 *
 * <p>JMH reports the group's total and, per side, {@code request:scoped} and {@code request:plain}.
 *
 * <p>On Citus, after the trial, each side runs {@value #COUNTED_REQUESTS} more requests alone on
 * its five threads while {@link CitusCounters} watches: the share of statements routed to one
 * shard and the coordinator-to-worker connections opened per request, printed and written to the
 * file of {@code -Dcitus.bench.counters}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
// With two minutes of warm-up both sides were still speeding up, the scoped side (more code to
// compile) a little later than the plain one, which showed as a ratio rising over the iterations.
@Warmup(iterations = 24, time = 10)
@Measurement(iterations = 12, time = 10)
public class PairedEndToEndBenchmark {
  /** The citus-hibernate side: {@code citus} (tenant bound as a parameter) or {@code citus_literal}. */
  @Param({"citus"})
  public String scoped;

  /** The other side: {@code hibernate} (today's pairing), {@code tenant_id}, {@code jdbc} or {@code unscoped}. */
  @Param({"hibernate"})
  public String baseline;

  /** Tenants loaded and cycled through, by each side independently. */
  @Param({"1000"})
  public int tenants;

  private AdAnalyticsDatabase db;
  private HikariDataSource pool;
  private Workload scopedWorkload;
  private Workload plainWorkload;
  private final AtomicLong scopedSequence = new AtomicLong();
  private final AtomicLong plainSequence = new AtomicLong();
  private boolean counting;

  /** Requests per side that the Citus counters watch after the trial; {@code -Dcitus.bench.counted_requests} overrides. */
  static final int COUNTED_REQUESTS = 1000;
  static final String COUNTED_REQUESTS_PROPERTY = "citus.bench.counted_requests";

  @Setup(Level.Trial)
  public void start() {
    db = AdAnalyticsDatabase.start(tenants);
    counting = db.citus() && CitusCounters.enable(db.dataSource());
    pool = db.pool(EndToEndBenchmark.CONNECTIONS, 5);
    scopedWorkload = Variant.of(scoped).create(pool);
    plainWorkload = Variant.of(baseline).create(pool);
    plainWorkload.limitations().forEach(l -> System.out.println("[" + baseline + "] " + l));
  }

  @TearDown(Level.Trial)
  public void stop() {
    try {
      if (counting) {
        CitusCounters.record(CitusCounters.measure("paired", tenants, scoped, baseline, scopedWorkload, db.dataSource(),
            5, countedRequests(), scopedSequence));
        CitusCounters.record(CitusCounters.measure("paired", tenants, baseline, scoped, plainWorkload, db.dataSource(),
            5, countedRequests(), plainSequence));
      }
    } finally {
      AdAnalyticsDatabase.closeAll(scopedWorkload, plainWorkload, pool, db);
    }
  }

  static int countedRequests() {
    return Integer.getInteger(COUNTED_REQUESTS_PROPERTY, COUNTED_REQUESTS);
  }

  private Object request(Workload workload, AtomicLong sequence) {
    long n = sequence.getAndIncrement();
    return workload.request(AdAnalyticsDatabase.tenantOf(n, tenants), AdAnalyticsDatabase.campaignOf(n, tenants));
  }

  /** One request through citus-hibernate. */
  @Benchmark
  @Group("request")
  @GroupThreads(5)
  public Object scoped() {
    return request(scopedWorkload, scopedSequence);
  }

  /** One request through the baseline (plain Hibernate, tenant predicates by hand, unless {@code baseline} says otherwise). */
  @Benchmark
  @Group("request")
  @GroupThreads(5)
  public Object plain() {
    return request(plainWorkload, plainSequence);
  }
}
