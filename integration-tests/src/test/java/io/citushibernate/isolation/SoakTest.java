package io.citushibernate.isolation;

import static io.citushibernate.isolation.IsolationWorkload.CACHED_QUERIES;
import static io.citushibernate.isolation.IsolationWorkload.POOL;
import static io.citushibernate.isolation.IsolationWorkload.TENANTS;
import static io.citushibernate.isolation.IsolationWorkload.THREADS;
import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.internal.boot.RewriteCache;
import io.citushibernate.isolation.IsolationWorkload.Op;
import io.citushibernate.internal.jdbc.BindingPlans;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link IsolationWorkload} in rounds of {@value #ROUND} transactions until its time is up,
 * in each tenant binding mode, watching what a long run piles up. After each round: the heap used
 * after a full collection, the rewrite cache, the JDBC layer's binding plans, Hibernate's query
 * plans and the second-level and query cache entries. At the end: no isolation violation, the database equal to the model,
 * the caches bounded and done growing once warmed up, and the heap grown neither in all nor per
 * transaction (no timing is asserted). The figures go to {@code target/soak-report.txt}.
 *
 * <p>Each tenant keeps at most {@value #CAMPAIGNS_PER_TENANT} campaigns (and their ads and
 * clicks), so the data stops growing and whatever keeps growing is a leak.
 *
 * <p>{@code -Dcitus.soak.seconds=N} sets the time, split between the two binding modes (default
 * 60, what CI runs on embedded PostgreSQL); the hour on Citus is
 * {@code CITUS_PG_BIN=<bin directory of a PostgreSQL with citus> ./mvnw -B test -pl integration-tests -am
 * -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false -Dcitus.soak.seconds=3600}.
 * {@code -Dcitus.stress.seed=N} changes the seed, as for {@link ConcurrentIsolationTest}.
 */
class SoakTest {
  static final long SECONDS = Long.getLong("citus.soak.seconds", 60);
  static final long SEED = Long.getLong("citus.stress.seed", 10_2024L);
  /** Transactions per round, ten per worker. */
  static final int ROUND = 10 * THREADS;
  /** Rounds that fill the caches before growth is judged. */
  static final int WARM_UP_ROUNDS = 3;
  /**
   * Rounds run however long they take: the last third after warm-up holds three samples, about
   * 1,500 transactions after the median of all, enough to tell a leak from a full collection's spread.
   */
  static final int MIN_ROUNDS = WARM_UP_ROUNDS + 9;
  static final int CAMPAIGNS_PER_TENANT = 4;
  /**
   * Hibernate's query plan cache, bounded lower than its default of 2,048 so that it fills during
   * warm-up. Hibernate 6.6 caches the plan of every new CriteriaQuery under the query object
   * itself: about 13 KiB for each run of the workload's Criteria operation (one transaction in
   * ten), 1.4 KiB a transaction until the bound, some 20,000 transactions in. Hibernate 7 does not.
   */
  static final int QUERY_PLANS = 64;
  /**
   * How much the heap may grow in all: +10% and 8 MiB, several times what a clean run moves (about
   * 1 MiB: the spread of full collections, and bounded caches filling, such as the binding plans
   * of literal SQL texts). A long run piles a small leak up past it: a string kept per statement
   * (under 1 KiB a transaction) failed after 74,000 transactions.
   */
  static final double HEAP_GROWTH_FACTOR = 1.10;
  static final long HEAP_GROWTH_BYTES = 8L << 20;
  /**
   * How much the heap may grow per transaction, for a run too short to pile a leak up past
   * {@link #HEAP_GROWTH_BYTES}: a clean run grows by less than 0.5 KiB while its bounded caches
   * fill; a prepared statement kept per statement (5 to 7 KiB a transaction) fails CI's minute.
   */
  static final long HEAP_GROWTH_PER_TRANSACTION = 2048;
  static final Path REPORT = Path.of("target", "soak-report.txt");

  /** What was measured after one round. */
  record Sample(int round, long transactions, long seconds, long heapBytes, int rewriteCache, int bindingPlans,
      int queryPlans, long entityCacheEntries, long queryCacheEntries, long modelRows) {
  }

  /**
   * The heap used after warm-up (median of those rounds) and at the end (median of their last
   * third), and the transactions between the two medians.
   */
  record HeapGrowth(long warmBytes, long lastBytes, long transactions, int warmRounds, int lastRounds) {
    static HeapGrowth of(List<Sample> samples) {
      List<Sample> warm = samples.subList(WARM_UP_ROUNDS, samples.size());
      List<Sample> last = samples.subList(samples.size() - warm.size() / 3, samples.size());
      return new HeapGrowth(median(warm, Sample::heapBytes), median(last, Sample::heapBytes),
          median(last, Sample::transactions) - median(warm, Sample::transactions), warm.size(), last.size());
    }

    long bytesPerTransaction() {
      return (lastBytes - warmBytes) / Math.max(1, transactions);
    }

    @Override
    public String toString() {
      return String.format("heap after warm-up %.1f MiB (median of %d rounds), at the end %.1f MiB (median of the "
          + "last %d): %+d bytes per transaction over %d transactions", warmBytes / 1048576.0, warmRounds,
          lastBytes / 1048576.0, lastRounds, bytesPerTransaction(), transactions);
    }
  }

  @BeforeAll
  static void newReport() throws IOException {
    Files.deleteIfExists(REPORT);
  }

  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter"})
  void longRunKeepsTenantsApartWithoutGrowing(String binding) throws Exception {
    long budget = TimeUnit.SECONDS.toNanos(SECONDS) / 2;
    Map<String, Object> settings = Map.of(AvailableSettings.QUERY_PLAN_CACHE_MAX_SIZE, QUERY_PLANS);
    try (Fixture db = IsolationWorkload.database(binding, settings);
        IsolationWorkload workload = new IsolationWorkload(db, CAMPAIGNS_PER_TENANT)) {
      assertThat(db.poolSize).isLessThan(THREADS);
      List<Sample> samples = new ArrayList<>();
      long began = System.nanoTime();
      for (int round = 0; round < MIN_ROUNDS || System.nanoTime() - began < budget; round++) {
        workload.run(SEED + round, ROUND);
        if (!workload.failures().isEmpty()) {
          break;
        }
        samples.add(sample(round, workload, db, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began)));
      }
      report(binding, workload, samples);

      assertThat(workload.failures()).as("isolation violations (seed %d)", SEED).isEmpty();
      assertThat(workload.counts().keySet()).as("every kind of operation ran").containsAll(Set.of(Op.values()));
      workload.verifyDatabaseEqualsModel();

      List<Sample> warm = samples.subList(WARM_UP_ROUNDS, samples.size());
      int cacheSize = RewriteCache.configuredSize(db.sessionFactory);
      assertThat(samples).as("rewrite cache within its size %d", cacheSize)
          .allSatisfy(s -> assertThat(s.rewriteCache()).isLessThanOrEqualTo(cacheSize));
      assertThat(warm).as("rewrite cache done growing after warm-up: the workload's statements are few")
          .allSatisfy(s -> assertThat(s.rewriteCache()).isEqualTo(warm.get(0).rewriteCache()));
      // a plan is added while a connection is held: at most one per connection past the limit
      assertThat(samples).as("binding plans within their limit")
          .allSatisfy(s -> assertThat(s.bindingPlans()).isLessThanOrEqualTo(BindingPlans.limit() + POOL));
      if (binding.equals("parameter")) {
        assertThat(warm).as("binding plans done growing after warm-up: one SQL text serves every tenant")
            .allSatisfy(s -> assertThat(s.bindingPlans()).isEqualTo(warm.get(0).bindingPlans()));
      }
      // one result per cached query and tenant scope: the tenants and the cross-tenant scope
      assertThat(samples).as("query cache entries")
          .allSatisfy(s -> assertThat(s.queryCacheEntries()).isLessThanOrEqualTo(CACHED_QUERIES * (TENANTS + 1L)));
      HeapGrowth heap = HeapGrowth.of(samples);
      assertThat(heap.lastBytes()).as("heap used after a full collection: %s", heap)
          .isLessThanOrEqualTo((long) (heap.warmBytes() * HEAP_GROWTH_FACTOR) + HEAP_GROWTH_BYTES);
      assertThat(heap.bytesPerTransaction()).as("heap growth per transaction: %s", heap)
          .isLessThanOrEqualTo(HEAP_GROWTH_PER_TRANSACTION);
    }
  }

  private static Sample sample(int round, IsolationWorkload workload, Fixture db, long seconds) {
    db.clearStatements(); // the statement recording is the test's, not the library's
    long[] entries = cacheEntries(db.regionPrefix);
    int queryPlans = db.sessionFactory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
        .getNumberOfCachedQueryPlans();
    return new Sample(round, workload.transactions(), seconds, heapAfterFullCollection(),
        RewriteCache.cachedStatements(db.sessionFactory), BindingPlans.cached(), queryPlans, entries[0], entries[1],
        workload.modelRows());
  }

  private static long heapAfterFullCollection() {
    // a second collection catches what the first one's reference processing released
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Entries of the entity and collection regions, and of the query result region, under {@code prefix}. */
  private static long[] cacheEntries(String prefix) {
    CacheManager manager = Caching.getCachingProvider(Fixture.CACHE_PROVIDER).getCacheManager();
    long[] entries = new long[2];
    for (String name : manager.getCacheNames()) {
      if (!name.startsWith(prefix + ".") || name.contains("update-timestamps")) {
        continue;
      }
      Cache<Object, Object> cache = manager.getCache(name);
      long n = 0;
      for (Cache.Entry<Object, Object> ignored : cache) {
        n++;
      }
      entries[name.contains("query-results") ? 1 : 0] += n;
    }
    return entries;
  }

  private static long median(List<Sample> samples, ToLongFunction<Sample> value) {
    long[] sorted = samples.stream().mapToLong(value).sorted().toArray();
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private static void report(String binding, IsolationWorkload workload, List<Sample> samples) throws IOException {
    StringBuilder out = new StringBuilder();
    long seconds = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).seconds();
    out.append(String.format("soak, %s binding, seed %d: %d s, %d rounds of %d transactions, %d transactions, "
        + "%d threads, %d tenants, pool %d, at most %d campaigns a tenant%n", binding, SEED, seconds, samples.size(),
        ROUND, workload.transactions(), THREADS, TENANTS, POOL, CAMPAIGNS_PER_TENANT));
    out.append("operations ").append(new TreeMap<>(workload.counts())).append('\n');
    out.append(String.format("%5s %12s %7s %9s %13s %13s %12s %13s %12s %10s%n", "round", "transactions", "seconds",
        "heap MiB", "rewrite cache", "binding plans", "query plans", "entity cache", "query cache", "model rows"));
    for (Sample s : samples) {
      out.append(String.format("%5d %12d %7d %9.1f %13d %13d %12d %13d %12d %10d%n", s.round(), s.transactions(),
          s.seconds(), s.heapBytes() / 1048576.0, s.rewriteCache(), s.bindingPlans(), s.queryPlans(),
          s.entityCacheEntries(), s.queryCacheEntries(), s.modelRows()));
    }
    if (samples.size() >= WARM_UP_ROUNDS + 3) {
      out.append(HeapGrowth.of(samples)).append('\n');
    }
    if (!workload.failures().isEmpty()) {
      out.append("failures ").append(workload.failures()).append('\n');
    }
    out.append('\n');
    System.out.print(out);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
