package io.citushibernate.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * What Citus did for a workload's requests, from the coordinator's {@code citus_stat_counters}
 * (Citus 13.1 and later, on when {@code citus.enable_stat_counters} is): distributed statements
 * executed on one shard and on several, and connections the coordinator opened to workers. The
 * counters are per database, not per client, so the two sides of a paired trial cannot be told
 * apart while they run together; {@link #measure} therefore runs a fixed number of requests of
 * one side alone, after the trial, with the trial's concurrency, and takes the difference.
 *
 * <p>Chosen over the alternatives because it counts exactly this and needs nothing preloaded:
 * {@code citus_stat_statements} needs {@code pg_stat_statements} in
 * {@code shared_preload_libraries}; {@code citus_stat_tenants} samples per tenant, not per
 * statement kind; {@code multi_task_query_log_level} only logs or fails multi-shard statements;
 * workers' {@code pg_stat_database} counts the coordinator's maintenance connections too.
 * Statements that Citus runs on the coordinator alone (the sequence's {@code nextval}, commit)
 * count as neither.
 */
final class CitusCounters {
  /** The system property naming the file (JSON lines) that {@link #record} appends to. */
  static final String FILE_PROPERTY = "citus.bench.counters";

  /** One side's counters over {@code requests} requests. */
  record Measurement(String benchmark, int tenants, String variant, String pairedWith, int requests,
      long singleShard, long multiShard, long connections, List<String> limitations,
      Map<String, Long> workerTransactions) {
    /** Share of distributed statements Citus routed to one shard. */
    double singleShardShare() {
      long all = singleShard + multiShard;
      return all == 0 ? Double.NaN : (double) singleShard / all;
    }

    double perRequest(long count) {
      return (double) count / requests;
    }

    String line() {
      return String.format(Locale.ROOT, "[citus counters] %s %s (paired with %s) at %d tenants: %d requests, "
          + "%.1f%% of %d distributed statements single-shard, %.2f multi-shard and %.3f coordinator-to-worker "
          + "connections opened per request; worker transactions per request: %s%s", benchmark, variant, pairedWith,
          tenants, requests, 100 * singleShardShare(), singleShard + multiShard, perRequest(multiShard),
          perRequest(connections), workerLoad(), limitations.isEmpty() ? "" : "; " + String.join("; ", limitations));
    }

    /** Each worker's committed transactions per request, e.g. {@code localhost:9701 0.49, localhost:9702 0.51}. */
    String workerLoad() {
      if (workerTransactions == null || workerTransactions.isEmpty()) {
        return "n/a";
      }
      List<String> parts = new ArrayList<>();
      workerTransactions.forEach((node, count) -> parts.add(String.format(Locale.ROOT, "%s %.2f", node,
          perRequest(count))));
      return String.join(", ", parts);
    }
  }

  private CitusCounters() {
  }

  /** Turns the counters on (coordinator-wide, superuser): {@code false}, with a warning, when the server refuses. */
  static boolean enable(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("alter system set citus.enable_stat_counters = on");
      s.execute("select pg_reload_conf()");
      return true;
    } catch (SQLException e) {
      System.err.println("[citus counters] not available (" + e.getMessage().lines().findFirst().orElse("")
          + "): needs Citus 13.1+ and a superuser to set citus.enable_stat_counters");
      return false;
    }
  }

  private static long[] read(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select query_execution_single_shard, query_execution_multi_shard, "
            + "connection_establishment_succeeded from citus_stat_counters where name = current_database()")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read citus_stat_counters: " + e.getMessage(), e);
    }
  }

  /**
   * Each worker's committed transactions in this database so far ({@code pg_stat_database}, through
   * {@code run_command_on_workers}), by {@code host:port}: the load each node takes. The
   * coordinator's own maintenance work adds a few transactions a second on each, the same for
   * both sides.
   */
  private static Map<String, Long> workerTransactions(DataSource dataSource) {
    Map<String, Long> byNode = new TreeMap<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select nodename, nodeport, success, result from run_command_on_workers("
            + "$$select xact_commit from pg_stat_database where datname = current_database()$$)")) {
      while (rs.next()) {
        if (rs.getBoolean(3)) {
          byNode.put(rs.getString(1) + ":" + rs.getInt(2), Long.parseLong(rs.getString(4)));
        }
      }
    } catch (SQLException | NumberFormatException e) {
      System.err.println("[citus counters] workers' transactions not read: " + e.getMessage());
    }
    return byNode;
  }

  /**
   * Runs {@code requests} requests of {@code workload} on {@code threads} threads (nothing else may
   * use the database meanwhile) and returns the counters' growth.
   */
  static Measurement measure(String benchmark, int tenants, String variant, String pairedWith, Workload workload,
      DataSource dataSource, int threads, int requests, AtomicLong sequence) {
    long[] before = read(dataSource);
    Map<String, Long> workersBefore = workerTransactions(dataSource);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicLong remaining = new AtomicLong(requests);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          while (remaining.getAndDecrement() > 0) {
            long n = sequence.getAndIncrement();
            workload.request(AdAnalyticsDatabase.tenantOf(n, tenants), AdAnalyticsDatabase.campaignOf(n, tenants));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Counting " + variant + "'s requests failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    long[] after = read(dataSource);
    Map<String, Long> workers = workerTransactions(dataSource);
    workers.replaceAll((node, count) -> count - workersBefore.getOrDefault(node, count));
    return new Measurement(benchmark, tenants, variant, pairedWith, requests, after[0] - before[0],
        after[1] - before[1], after[2] - before[2], workload.limitations(), workers);
  }

  /** Prints {@code m} and appends it to the file of {@value #FILE_PROPERTY}, when set. */
  static void record(Measurement m) {
    ForkResults.append(FILE_PROPERTY, m, m.line());
  }
}
