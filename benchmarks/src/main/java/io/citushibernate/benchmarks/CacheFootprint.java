package io.citushibernate.benchmarks;

import io.citushibernate.internal.sql.StatementRewriter;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * The memory of the rewrite cache when full: a rewriter of the default size
 * ({@code citus.hibernate.rewrite_cache_size=4096}) filled with that many distinct statements
 * of the ladder ({@link Statements}, alias numbers varied as Hibernate varies them), measured by
 * walking the object graph with JOL. Reported with and without the SQL strings used as keys,
 * which the application's own statement caches (Hibernate's loaders and query plans) usually
 * hold anyway.
 * Run alone: {@code java -cp benchmarks/target/benchmarks.jar io.citushibernate.benchmarks.CacheFootprint}.
 */
public final class CacheFootprint {
  /** The default of {@code citus.hibernate.rewrite_cache_size}. */
  public static final int DEFAULT_SIZE = 4096;

  static {
    // JOL reads record fields (TenantTable) only through its "magic" field offsets
    if (System.getProperty("jol.magicFieldOffset") == null) {
      System.setProperty("jol.magicFieldOffset", "true");
    }
  }

  private CacheFootprint() {
  }

  /**
   * @param entries statements cached
   * @param cacheBytes the cache's retained size: map, templates and keys
   * @param keyBytes of which the SQL strings used as keys
   * @param averageSqlChars the average length of the cached statements
   */
  public record Footprint(int entries, long cacheBytes, long keyBytes, double averageSqlChars) {
    /** Bytes per cached statement, keys included. */
    public double bytesPerEntry() {
      return (double) cacheBytes / entries;
    }
  }

  /** Fills a rewriter of {@code size} with as many distinct statements and measures it. */
  public static Footprint measure(int size) {
    StatementRewriter empty = new StatementRewriter(Statements.TABLES, size, true);
    long emptyBytes = GraphLayout.parseInstance(empty).totalSize();
    StatementRewriter full = new StatementRewriter(Statements.TABLES, size, true);
    List<String> ladder = new ArrayList<>(Statements.LADDER.values());
    List<String> keys = new ArrayList<>(size);
    long chars = 0;
    for (int i = 0; i < size; i++) {
      String sql = ladder.get(i % ladder.size()).replace("_0", "_" + (i / ladder.size() + 1));
      keys.add(sql);
      chars += sql.length();
      full.analyse(sql);
    }
    if (full.cachedStatements() != size) {
      throw new IllegalStateException("expected " + size + " cached statements, got " + full.cachedStatements());
    }
    long fullBytes = GraphLayout.parseInstance(full).totalSize();
    long keyBytes = GraphLayout.parseInstance(keys.toArray()).totalSize(); // the strings are the roots
    return new Footprint(size, fullBytes - emptyBytes, keyBytes, (double) chars / size);
  }

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_SIZE;
    Footprint f = measure(size);
    System.out.printf("rewrite cache, %d statements (avg %.0f chars): %,d bytes (%.0f per statement), "
        + "of which SQL keys %,d bytes%n", f.entries(), f.averageSqlChars(), f.cacheBytes(), f.bytesPerEntry(),
        f.keyBytes());
  }
}
