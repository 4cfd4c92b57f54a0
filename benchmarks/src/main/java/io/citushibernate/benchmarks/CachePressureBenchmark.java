package io.citushibernate.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.citushibernate.CitusSettings;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsModel;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.SessionFactory;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The rewrite cache under pressure: an application whose distinct statements outnumber
 * {@code citus.hibernate.rewrite_cache_size}, {@code workingSet} times over, picked with a Zipf
 * distribution (exponent 1: a few statements are most of the traffic, a long tail is rare, as in
 * real applications). Paired as {@link PairedEndToEndBenchmark} is: five threads through
 * citus-hibernate ({@code scoped}, cache of {@code cacheSize} entries) while five run the same
 * statements through plain Hibernate with hand-written tenant predicates ({@code plain}), one query
 * per transaction. A statement first seen, or seen again after eviction, costs citus-hibernate a
 * parse; plain Hibernate never parses SQL.
 *
 * <p>Statement {@code i} is one of two shapes (one table; ads joined with campaigns) with the
 * literal {@code -1 - i} in its condition, so every {@code i} is a distinct SQL text that matches
 * every row. {@code planCache} sizes Hibernate's own query plan cache (HQL interpretations) on both
 * sides: {@code all} makes it large enough for every statement, so the only cache under pressure is
 * citus-hibernate's and a miss costs only citus-hibernate (its parse); {@code same} gives it
 * {@code cacheSize} entries like the rewrite cache, as in an application whose statements outnumber
 * both caches (Hibernate's default plan cache, 2,048, is half the rewrite cache's default), where a
 * miss costs plain Hibernate its HQL interpretation too.
 *
 * <p>The rewrite cache's hit rate over the measurement iterations comes from citus-hibernate's
 * meters ({@code citus.hibernate.rewrite.cache.gets}, tag {@code result}, in a
 * {@link SimpleMeterRegistry}); it is printed and written to the file of
 * {@code -Dcitus.bench.cache} after each trial. Target: scoped / plain ≥ 0.9 at a working set
 * twice the cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 12, time = 10)
@Measurement(iterations = 8, time = 10)
public class CachePressureBenchmark {
  /** The system property naming the file the hit rates are appended to. */
  static final String FILE_PROPERTY = "citus.bench.cache";
  /** Hibernate's query plan cache (HQL interpretations), sized for every statement on both sides. */
  private static final String PLAN_CACHE_SIZE = "hibernate.query.plan_cache_max_size";

  /** citus-hibernate's rewrite cache size; small, so that the working set is reached quickly. */
  @Param({"256"})
  public int cacheSize;

  /** Distinct statements, as a multiple of {@code cacheSize}. */
  @Param({"2", "10"})
  public int workingSet;

  /** Hibernate's query plan cache: {@code all} statements, or the {@code same} size as the rewrite cache. */
  @Param({"all", "same"})
  public String planCache;

  /** Tenants loaded and cycled through. */
  @Param({"1000"})
  public int tenants;

  /** The rewrite cache's hit rate over a trial's measurement iterations. */
  record HitRate(int cacheSize, int workingSet, String planCache, int statements, long hits, long misses) {
    double rate() {
      return hits + misses == 0 ? Double.NaN : (double) hits / (hits + misses);
    }

    String line() {
      return String.format(Locale.ROOT, "[rewrite cache] %d distinct statements (%dx a cache of %d, Hibernate's plan "
          + "cache: %s): hit rate %.1f%% (%,d hits, %,d misses) over the measurement", statements, workingSet, cacheSize,
          planCache, 100 * rate(), hits, misses);
    }
  }

  private AdAnalyticsDatabase db;
  private HikariDataSource pool;
  private SessionFactory scopedFactory;
  private SessionFactory plainFactory;
  private SimpleMeterRegistry registry;
  private double[] zipf;
  private long[] atMeasurementStart;
  private final AtomicLong scopedSequence = new AtomicLong();
  private final AtomicLong plainSequence = new AtomicLong();

  @Setup(Level.Trial)
  public void start() {
    int statements = statements();
    db = AdAnalyticsDatabase.start(tenants);
    pool = db.pool(EndToEndBenchmark.CONNECTIONS, 5);
    registry = new SimpleMeterRegistry();
    String planCacheSize = Integer.toString("same".equals(planCache) ? cacheSize : 2 * statements);
    scopedFactory = HibernateWorkload.modelSessionFactory(pool, true, AdAnalyticsModel.ENTITIES, Map.of(
        CitusSettings.REWRITE_CACHE_SIZE, Integer.toString(cacheSize), CitusSettings.METRICS, "true",
        CitusSettings.METER_REGISTRY, registry, PLAN_CACHE_SIZE, planCacheSize));
    plainFactory = HibernateWorkload.modelSessionFactory(pool, false, AdAnalyticsModel.ENTITIES,
        Map.of(PLAN_CACHE_SIZE, planCacheSize));
    zipf = zipfCumulative(statements);
  }

  private int statements() {
    return workingSet * cacheSize;
  }

  /** Snapshots the cache counters when the first measurement iteration starts. */
  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    if (params.getType() == IterationType.MEASUREMENT && atMeasurementStart == null) {
      atMeasurementStart = cacheGets();
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    try {
      long[] now = cacheGets();
      long[] start = atMeasurementStart == null ? new long[2] : atMeasurementStart;
      HitRate rate = new HitRate(cacheSize, workingSet, planCache, statements(), now[0] - start[0],
          now[1] - start[1]);
      ForkResults.append(FILE_PROPERTY, rate, rate.line());
    } finally {
      AdAnalyticsDatabase.closeAll(scopedFactory, plainFactory, pool, db);
    }
  }

  /** {hits, misses} of the rewrite cache so far. */
  private long[] cacheGets() {
    return new long[] {gets("hit"), gets("miss")};
  }

  private long gets(String result) {
    return Math.round(registry.find("citus.hibernate.rewrite.cache.gets").tag("result", result).counters().stream()
        .mapToDouble(Counter::count).sum());
  }

  /** P(rank ≤ k) of a Zipf distribution with exponent 1 over {@code n} ranks. */
  static double[] zipfCumulative(int n) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1.0 / (k + 1);
      cumulative[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      cumulative[k] /= sum;
    }
    return cumulative;
  }

  /** A rank drawn from {@code cumulative}: the first whose cumulative probability reaches a uniform draw. */
  static int pick(double[] cumulative) {
    return rank(cumulative, ThreadLocalRandom.current().nextDouble());
  }

  /** The first rank whose cumulative probability reaches {@code u}. */
  static int rank(double[] cumulative, double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Statement {@code i}'s HQL, with the tenant predicates written by hand when {@code byHand}. */
  static String hql(int i, boolean byHand) {
    long literal = -1L - i;
    if (i % 2 == 0) {
      return "select c.id, c.monthlyBudget from Campaign c where c.id = :id and c.monthlyBudget > " + literal
          + (byHand ? " and c.companyId = :tenant" : "");
    }
    return "select a.id, a.clicksCount from Ad a join a.campaign c where c.id = :id and a.clicksCount > " + literal
        + (byHand ? " and a.company.id = :tenant and c.companyId = :tenant" : "");
  }

  private Object query(SessionFactory factory, boolean byHand, long n) {
    long tenant = AdAnalyticsDatabase.tenantOf(n, tenants);
    long campaign = AdAnalyticsDatabase.campaignId(tenant, AdAnalyticsDatabase.campaignOf(n, tenants));
    String hql = hql(pick(zipf), byHand);
    return factory.fromTransaction(s -> {
      var q = s.createSelectionQuery(hql, Object[].class).setParameter("id", campaign);
      if (byHand) {
        q.setParameter("tenant", tenant);
      }
      return q.getResultList();
    });
  }

  /** One statement through citus-hibernate. */
  @Benchmark
  @Group("query")
  @GroupThreads(5)
  public Object scoped() {
    long n = scopedSequence.getAndIncrement();
    TenantScope scope = TenantContext.open(AdAnalyticsDatabase.tenantOf(n, tenants));
    try {
      return query(scopedFactory, false, n);
    } finally {
      scope.close();
    }
  }

  /** The same statement through plain Hibernate, tenant predicates by hand. */
  @Benchmark
  @Group("query")
  @GroupThreads(5)
  public Object plain() {
    return query(plainFactory, true, plainSequence.getAndIncrement());
  }
}
