package io.citushibernate.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end: the ad-analytics workload ({@link Workload}) on an embedded PostgreSQL 17, with the
 * variants of {@link Variant} side by side on the same data, 10 threads sharing a HikariCP pool
 * of 10 connections. Each fork starts its own server and bulk-loads {@code tenants} tenants
 * ({@link AdAnalyticsDatabase}); every invocation takes the next tenant round-robin
 * (1, 2, ..., tenants, 1, ...) and one of its campaigns.
 *
 * <p>{@link #request()} is the headline: six operations in one transaction. The other methods
 * measure one operation each, in its own transaction. Throughput in operations per second over
 * all threads; the ratio that matters is {@code citus / hibernate} at equal parameters.
 *
 * <p>{@code prepareThreshold} is pgjdbc's: after that many executions of the same SQL text on a
 * connection the driver switches to a named server-side prepared statement (0 turns it off).
 * Literal tenants make the text differ per tenant, so with many tenants it never gets there;
 * compare {@code jdbc} with {@code jdbc_inlined}, or run with {@code -p prepareThreshold=0}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
// Hibernate on 10 threads over 2 cores needs about two minutes before throughput stops rising
@Warmup(iterations = 12, time = 10)
@Measurement(iterations = 5, time = 10)
public class EndToEndBenchmark {
  /** Threads and pool connections. */
  public static final int CONNECTIONS = 10;

  /** Which {@link Variant} runs the workload. */
  @Param({"citus", "citus_literal", "hibernate", "jdbc", "jdbc_inlined"})
  public String variant;

  /** Tenants loaded and cycled through. */
  @Param({"1000"})
  public int tenants;

  /** pgjdbc's prepareThreshold (its default is 5). */
  @Param({"5"})
  public int prepareThreshold;

  private AdAnalyticsDatabase db;
  private HikariDataSource pool;
  private Workload workload;
  private final AtomicLong sequence = new AtomicLong();

  @Setup(Level.Trial)
  public void start() {
    db = AdAnalyticsDatabase.start(tenants);
    pool = db.pool(CONNECTIONS, prepareThreshold);
    workload = Variant.of(variant).create(pool);
  }

  @TearDown(Level.Trial)
  public void stop() {
    AdAnalyticsDatabase.closeAll(workload, pool, db);
  }

  private long next() {
    return sequence.getAndIncrement();
  }

  private long tenant(long n) {
    return AdAnalyticsDatabase.tenantOf(n, tenants);
  }

  private int campaign(long n) {
    return AdAnalyticsDatabase.campaignOf(n, tenants);
  }

  /** One request of six operations in one transaction (see {@link Workload#request}). */
  @Benchmark
  public Object request() {
    long n = next();
    return workload.request(tenant(n), campaign(n));
  }

  /** A campaign loaded by id. */
  @Benchmark
  public Object findById() {
    long n = next();
    return workload.findById(tenant(n), campaign(n));
  }

  /** The tenant's campaigns. */
  @Benchmark
  public Object listCampaigns() {
    return workload.listCampaigns(tenant(next()));
  }

  /** Campaigns x ads, aggregated. */
  @Benchmark
  public Object campaignStats() {
    return workload.campaignStats(tenant(next()));
  }

  /** A bulk update of one campaign's budget. */
  @Benchmark
  public Object updateBudget() {
    long n = next();
    return workload.updateBudget(tenant(n), campaign(n));
  }

  /** An insert of a click. */
  @Benchmark
  public Object insertClick() {
    long n = next();
    return workload.insertClick(tenant(n), campaign(n));
  }

  /** A campaign loaded by id and its lazy collection of ads initialized. */
  @Benchmark
  public Object lazyAds() {
    long n = next();
    return workload.lazyAds(tenant(n), campaign(n));
  }
}
