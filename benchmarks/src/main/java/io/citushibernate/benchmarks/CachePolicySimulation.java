package io.citushibernate.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The rewrite cache's eviction policy against the one it replaced, on the traffic of
 * {@link CachePressureBenchmark}: the same statements (its HQL's SQL shapes, with the literal that
 * makes each one distinct) drawn with the same Zipf distribution (exponent 1) from 2 and 10 times
 * as many statements as the cache holds. Hit rates only, no database: how often each policy saves
 * the parse. Single-threaded, the traffic from a fixed seed (Caffeine's admission has some randomness of
 * its own: its hit rates move by about a point between runs).
 *
 * <ul>
 *   <li><b>caffeine</b>: {@code Caffeine.maximumSize(n)} with eviction on the calling thread, as
 *       {@code StatementRewriter} builds it (W-TinyLFU: admits a new statement only if it is
 *       likely to be used more often than the one it would evict).
 *   <li><b>quarter</b>: the cache before the re-cut: a {@code ConcurrentHashMap} that, when full,
 *       dropped the first quarter of its keys in iteration (hash) order, whatever their use.
 *   <li><b>ideal</b>: the {@code n} most frequent statements kept forever, which no policy that
 *       must learn the frequencies can beat on this traffic (the bound).
 * </ul>
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.citushibernate.benchmarks.CachePolicySimulation [cacheSize]
 * [requests]} (256 and 2,000,000 by default; the first tenth of the requests warms the caches and is
 * not counted).
 */
public final class CachePolicySimulation {
  private CachePolicySimulation() {
  }

  public static void main(String[] args) {
    int cacheSize = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
    System.out.printf(Locale.ROOT, "Rewrite cache of %d statements, %,d requests (Zipf, exponent 1), hit rate:%n",
        cacheSize, requests);
    System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s%n", "distinct statements", "caffeine", "quarter", "ideal");
    for (int workingSet : new int[] {2, 10}) {
      int statements = workingSet * cacheSize;
      String[] sql = new String[statements];
      for (int i = 0; i < statements; i++) {
        sql[i] = sql(i);
      }
      double[] zipf = CachePressureBenchmark.zipfCumulative(statements);
      double caffeine = hitRate(new CaffeinePolicy(cacheSize), sql, zipf, requests);
      double quarter = hitRate(new QuarterPolicy(cacheSize), sql, zipf, requests);
      double ideal = zipf[cacheSize - 1]; // P(rank ≤ cacheSize): the hit rate of the top statements kept
      System.out.printf(Locale.ROOT, "%-22s %9.1f%% %9.1f%% %9.1f%%%n",
          String.format(Locale.ROOT, "%,d (%dx)", statements, workingSet), 100 * caffeine, 100 * quarter, 100 * ideal);
    }
  }

  /** A SQL text of the shape Hibernate renders for {@link CachePressureBenchmark#hql} statement {@code i}. */
  static String sql(int i) {
    long literal = -1L - i;
    return i % 2 == 0
        ? "select c1_0.id,c1_0.monthly_budget from campaigns c1_0 where c1_0.id=? and c1_0.monthly_budget>" + literal
        : "select a1_0.id,a1_0.clicks_count from ads a1_0 join campaigns c1_0 on c1_0.id=a1_0.campaign_id "
            + "where c1_0.id=? and a1_0.clicks_count>" + literal;
  }

  /** The share of counted requests that found their statement cached. */
  static double hitRate(Predicate<String> policy, String[] sql, double[] zipf, int requests) {
    SplittableRandom random = new SplittableRandom(42);
    int warmup = requests / 10;
    long hits = 0;
    for (int r = 0; r < requests; r++) {
      boolean hit = policy.test(sql[CachePressureBenchmark.rank(zipf, random.nextDouble())]);
      if (r >= warmup && hit) {
        hits++;
      }
    }
    return (double) hits / (requests - warmup);
  }

  /** Caffeine, built as {@code StatementRewriter} builds it; true on a hit, caching on a miss. */
  private static final class CaffeinePolicy implements Predicate<String> {
    private final Cache<String, String> cache;

    CaffeinePolicy(int size) {
      cache = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }

    @Override
    public boolean test(String sql) {
      if (cache.getIfPresent(sql) != null) {
        return true;
      }
      cache.put(sql, sql);
      return false;
    }
  }

  /** The policy before the re-cut (git b1b3d1e^, {@code StatementRewriter.evictSome}). */
  private static final class QuarterPolicy implements Predicate<String> {
    private final Map<String, String> cache;
    private final int size;

    QuarterPolicy(int size) {
      this.size = size;
      this.cache = new ConcurrentHashMap<>(Math.min(size, 1024) * 2);
    }

    @Override
    public boolean test(String sql) {
      if (cache.get(sql) != null) {
        return true;
      }
      if (cache.size() >= size) {
        int toRemove = Math.max(1, size / 4);
        Iterator<String> it = cache.keySet().iterator();
        while (toRemove-- > 0 && it.hasNext()) {
          it.next();
          it.remove();
        }
      }
      cache.put(sql, sql);
      return false;
    }
  }
}
