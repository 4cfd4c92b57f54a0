package io.citushibernate.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Click;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.fixtures.adanalytics.GeoIp;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.server.ClusterControl;
import io.citushibernate.testkit.server.ClusterControl.Node;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * The ad-analytics tenants of a fault test and what the test checks them with: labelled writes
 * (a transaction of several statements over several tables), what each left in the database,
 * every tenant's rows, where a tenant's shard lives, and Citus' prepared transactions. Its own
 * reads go over administrative connections to the coordinator, past the application's pool: the
 * pool is what the faults hurt and the tests watch recover.
 */
final class FaultBench {
  /** Seeded tenants: each a company with one labelled write. */
  static final List<Long> TENANTS = List.of(1L, 2L, 3L, 4L, 5L, 6L);
  /** A write's rows in tenant tables: a campaign, two ads, a click. */
  private static final int ROWS_PER_WRITE = 4;
  /** The tables of a tenant's rows, each with its tenant column. */
  private static final Map<String, String> TENANT_TABLES = Map.of("companies", "id", "campaigns", "company_id",
      "ads", "company_id", "clicks", "company_id", "impressions", "company_id");

  final CitusDatabase db;
  final SessionFactory sessions;
  final ClusterControl cluster;
  private final Set<Node> stopped = ConcurrentHashMap.newKeySet();

  private FaultBench(CitusDatabase db, ClusterControl cluster) {
    this.db = db;
    this.sessions = db.sessionFactory();
    this.cluster = cluster;
  }

  /**
   * The bench on {@code db}, its tenants seeded; skips the test unless the testkit runs the
   * cluster itself (only then can a test stop its nodes).
   */
  static FaultBench seeded(CitusDatabase db) {
    ClusterControl cluster = db.clusterControl().orElse(null);
    assumeTrue(cluster != null, "fault tests stop and start nodes: they need the testkit's local Citus cluster "
        + "(CITUS_PG_BIN), not " + db.description());
    FaultBench bench = new FaultBench(db, cluster);
    for (long tenant : TENANTS) {
      TenantContext.run(tenant, () -> bench.sessions.inTransaction(s ->
          s.persist(new Company(tenant, "company " + tenant))));
      assertThat(bench.run(new Write(tenant, "seed", false)).committed()).isTrue();
    }
    return bench;
  }

  /**
   * One transaction of a tenant: a campaign, an ad and a click, flushed; then a second ad and,
   * with {@code referenceRow}, a row of the reference table geo_ips, which puts every node in the
   * transaction and makes Citus commit it in two phases. Every row carries {@link #label()}.
   */
  record Write(long tenant, String name, boolean referenceRow) {
    /** Unique per write: tenant and name. */
    String label() {
      return "t" + tenant + "-" + name;
    }

    /** The rows a committed write leaves, by table. */
    Map<String, Integer> complete() {
      return new TreeMap<>(Map.of("campaigns", 1, "ads", 2, "clicks", 1, "geo_ips", referenceRow ? 1 : 0));
    }
  }

  /** Where a write failed: in its statements, or in the commit (then its outcome is in doubt). */
  enum Phase { WORK, COMMIT }

  /** How a write ended for the application: committed, or the exception it got and when. */
  record Outcome(Write write, RuntimeException failure, Phase phase) {
    boolean committed() {
      return failure == null;
    }
  }

  /** Runs {@code write} with no fault. */
  Outcome run(Write write) {
    return run(write, s -> { }, s -> { });
  }

  /**
   * Runs {@code write}, calling {@code midway} after its first statements reached the database
   * and {@code beforeCommit} after all of them did, each with the open session.
   */
  Outcome run(Write write, Consumer<Session> midway, Consumer<Session> beforeCommit) {
    return TenantContext.get(write.tenant(), () -> {
      try (Session s = sessions.openSession()) {
        Transaction tx = s.beginTransaction();
        try {
          Campaign campaign = new Campaign(write.label(), "running", 100);
          s.persist(campaign);
          Ad first = new Ad(campaign, write.label() + "/1", 1, 1);
          s.persist(first);
          s.persist(new Click(first, Map.of("write", write.label())));
          s.flush();
          midway.accept(s);
          s.persist(new Ad(campaign, write.label() + "/2", 2, 2));
          if (write.referenceRow()) {
            s.persist(new GeoIp(write.label(), 0, 0));
          }
          s.flush();
          beforeCommit.accept(s);
        } catch (RuntimeException e) {
          rollBack(tx, e);
          return new Outcome(write, e, Phase.WORK);
        }
        try {
          tx.commit();
          return new Outcome(write, null, null);
        } catch (RuntimeException e) {
          rollBack(tx, e);
          return new Outcome(write, e, Phase.COMMIT);
        }
      }
    });
  }

  private static void rollBack(Transaction tx, RuntimeException cause) {
    try {
      if (tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** The rows a write left, by table, and under which tenants. */
  record Stored(Map<String, Integer> rows, List<Long> tenants) {
    static final Stored NOTHING = new Stored(Map.of(), List.of());

    boolean absent() {
      return rows.values().stream().allMatch(n -> n == 0);
    }
  }

  /** What every write left, by label. */
  Map<String, Stored> stored() {
    Map<String, Map<String, Integer>> rows = new TreeMap<>();
    Map<String, List<Long>> tenants = new TreeMap<>();
    withAdmin(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT 'campaigns', name, company_id FROM campaigns"
          + " UNION ALL SELECT 'ads', split_part(name, '/', 1), company_id FROM ads"
          + " UNION ALL SELECT 'clicks', user_data->>'write', company_id FROM clicks"
          + " UNION ALL SELECT 'geo_ips', addrs, NULL FROM geo_ips")) {
        while (rs.next()) {
          String label = rs.getString(2);
          rows.computeIfAbsent(label, l -> new TreeMap<>(Map.of("campaigns", 0, "ads", 0, "clicks", 0, "geo_ips", 0)))
              .merge(rs.getString(1), 1, Integer::sum);
          long tenant = rs.getLong(3);
          List<Long> under = tenants.computeIfAbsent(label, l -> new ArrayList<>());
          if (!rs.wasNull() && !under.contains(tenant)) {
            under.add(tenant);
          }
        }
      }
    });
    Map<String, Stored> stored = new TreeMap<>();
    rows.forEach((label, counts) -> stored.put(label, new Stored(counts, tenants.get(label))));
    return stored;
  }

  /**
   * Asserts, of each write, that it is whole and under its own tenant, or absent: present when
   * the application saw it commit, absent when it failed before its commit (failed in the commit,
   * either); and that every tenant's rows are what they were plus the writes present, so that
   * nothing was written under another tenant. Returns the tally, for the report.
   */
  String assertOutcomes(List<Outcome> outcomes, Map<Long, List<String>> before) {
    Map<String, Stored> stored = stored();
    Map<Long, Integer> added = new TreeMap<>();
    int committed = 0;
    int failedBeforeCommit = 0;
    int inDoubtPresent = 0;
    int inDoubtAbsent = 0;
    for (Outcome outcome : outcomes) {
      Write write = outcome.write();
      Stored rows = stored.getOrDefault(write.label(), Stored.NOTHING);
      if (!rows.absent()) {
        assertThat(rows.rows()).as("rows of %s", write.label()).isEqualTo(write.complete());
        assertThat(rows.tenants()).as("tenants of %s", write.label()).containsExactly(write.tenant());
        added.merge(write.tenant(), ROWS_PER_WRITE, Integer::sum);
      }
      if (outcome.committed()) {
        assertThat(rows.absent()).as("%s committed but is not stored", write.label()).isFalse();
        committed++;
      } else if (outcome.phase() == Phase.WORK) {
        assertThat(rows.absent()).as("%s failed before its commit (%s) but is stored", write.label(),
            Failures.describe(outcome.failure())).isTrue();
        failedBeforeCommit++;
      } else if (rows.absent()) {
        inDoubtAbsent++;
      } else {
        inDoubtPresent++;
      }
    }
    Map<Long, List<String>> after = snapshot();
    assertThat(after.keySet()).as("tenants").isEqualTo(before.keySet());
    for (long tenant : before.keySet()) {
      int extra = added.getOrDefault(tenant, 0);
      if (extra == 0) {
        assertThat(after.get(tenant)).as("rows of tenant %d", tenant).isEqualTo(before.get(tenant));
      } else {
        assertThat(after.get(tenant)).as("rows of tenant %d", tenant).containsAll(before.get(tenant))
            .hasSize(before.get(tenant).size() + extra);
      }
    }
    return committed + " committed (all whole), " + failedBeforeCommit + " failed before their commit (all absent), "
        + (inDoubtPresent + inDoubtAbsent) + " failed in their commit (" + inDoubtPresent + " whole, " + inDoubtAbsent
        + " absent)";
  }

  /** What {@code write} left. */
  Stored stored(Write write) {
    return stored().getOrDefault(write.label(), Stored.NOTHING);
  }

  /**
   * Asserts that the application's session factory and pool, as they are, serve every tenant
   * again: a write per tenant, each with a reference row (every node takes part), commits whole.
   */
  void assertEveryTenantWrites(String name) {
    Map<Long, List<String>> before = snapshot();
    List<Outcome> outcomes = TENANTS.stream().map(tenant -> run(new Write(tenant, name, true))).toList();
    for (Outcome outcome : outcomes) {
      if (!outcome.committed()) {
        throw new AssertionError(outcome.write().label() + " failed: " + Failures.describe(outcome.failure()),
            outcome.failure());
      }
    }
    assertOutcomes(outcomes, before);
  }

  /**
   * Asserts the promises of {@link Writers#throughOutage}: prepared transactions recovered, each
   * write whole or absent, no row under another tenant, the writes in flight failed with an
   * exception that says the connection went (or names {@code node}), and the pool serves every
   * tenant. Returns the tally, for the report.
   */
  String assertThroughOutage(Writers.Run run, Map<Long, List<String>> before, Node node, String name) {
    long recovered = assertPreparedTransactionsRecovered();
    String tally = assertOutcomes(run.outcomes(), before);
    assertThat(run.failed()).as("writes in flight while %s was down", node.name()).isNotEmpty();
    run.failed().forEach(o -> Failures.assertConnectionFailure(o.failure(), node.address()));
    assertEveryTenantWrites("after-" + name);
    return tally + "; prepared transactions recovered: " + recovered;
  }

  /** Every row of every tenant table, as text, by tenant. */
  Map<Long, List<String>> snapshot() {
    Map<Long, List<String>> rows = new TreeMap<>();
    withAdmin(c -> {
      for (Map.Entry<String, String> table : new TreeMap<>(TENANT_TABLES).entrySet()) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + table.getValue()
            + ", t::text FROM " + table.getKey() + " t ORDER BY 1, 2")) {
          while (rs.next()) {
            rows.computeIfAbsent(rs.getLong(1), t -> new ArrayList<>()).add(table.getKey() + " " + rs.getString(2));
          }
        }
      }
    });
    return rows;
  }

  /** The shard of {@code tenant}'s companies row (its other tables' shards are colocated). */
  long shardOf(long tenant) {
    return adminLong("SELECT get_shard_id_for_distribution_column('companies', " + tenant + ")");
  }

  /** The worker that holds {@code tenant}'s shards. */
  Node workerOf(long tenant) {
    int port = (int) adminLong("SELECT nodeport FROM citus_shards WHERE shardid = " + shardOf(tenant));
    return cluster.workers().stream().filter(w -> w.port() == port).findFirst()
        .orElseThrow(() -> new AssertionError("tenant " + tenant + " is on port " + port + ", not on a worker"));
  }

  /** The worker that does not hold {@code tenant}'s shards. */
  Node otherWorker(long tenant) {
    Node holder = workerOf(tenant);
    return cluster.workers().stream().filter(w -> !w.equals(holder)).findFirst().orElseThrow();
  }

  /** Stops {@code node}; {@link #startStoppedNodes()} brings it back should the test fail. */
  void stop(Node node) {
    stopped.add(node);
    cluster.stop(node);
  }

  /** Starts {@code node}, stopped by {@link #stop}. */
  void start(Node node) {
    cluster.start(node);
    stopped.remove(node);
  }

  /** Starts every node a test stopped and left down: the JVM's other tests share the cluster. */
  void startStoppedNodes() {
    for (Node node : List.copyOf(stopped)) {
      try {
        start(node);
      } catch (IllegalStateException e) {
        stopped.remove(node); // never went down
      }
    }
  }

  /**
   * Terminates the backends on {@code node} that {@code condition} (on {@code pg_stat_activity})
   * selects, waiting until they are gone; returns how many.
   */
  long terminate(Node node, String condition) {
    try (Connection c = cluster.connectTo(node); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "WITH target AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE " + condition + ") "
            + "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 10000)) FROM target")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot terminate backends on " + node, e);
    }
  }

  /** How many shards Citus' plan for {@code query} (on the coordinator) sends tasks to. */
  long taskCount(String query) {
    List<String> plan = new ArrayList<>();
    withAdmin(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
        while (rs.next()) {
          plan.add(rs.getString(1).trim());
        }
      }
    });
    return plan.stream().filter(l -> l.startsWith("Task Count: ")).mapToLong(l -> Long.parseLong(l.substring(12)))
        .findFirst().orElseThrow(() -> new AssertionError("no Citus plan: " + plan));
  }

  /**
   * Runs Citus' recovery of prepared transactions now (its maintenance daemon would, within
   * {@code citus.recover_2pc_interval}): commits those the coordinator recorded as committed,
   * aborts the others. Returns how many it resolved.
   */
  long recoverPreparedTransactions() {
    return adminLong("SELECT recover_prepared_transactions()");
  }

  /**
   * Runs {@link #recoverPreparedTransactions()} and asserts that no node keeps a prepared
   * transaction; returns how many recovery resolved.
   */
  long assertPreparedTransactionsRecovered() {
    long recovered = recoverPreparedTransactions();
    assertThat(preparedTransactions()).as("prepared transactions after recovery").isEmpty();
    return recovered;
  }

  /** The prepared transactions left on every node, as {@code node: gid}. */
  List<String> preparedTransactions() {
    List<String> prepared = new ArrayList<>();
    List<Node> nodes = new ArrayList<>(cluster.workers());
    nodes.add(0, cluster.coordinator());
    for (Node node : nodes) {
      try (Connection c = cluster.connectTo(node); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT gid FROM pg_prepared_xacts")) {
        while (rs.next()) {
          prepared.add(node.name() + ": " + rs.getString(1));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read pg_prepared_xacts on " + node, e);
      }
    }
    return prepared;
  }

  /**
   * How long after the fault ended the application's pool served a transaction of
   * {@code tenant} again: a read of its campaigns through the same session factory, tried until
   * it succeeds (informational; the bound only keeps a broken pool from hanging the build).
   */
  Duration awaitRecovery(long tenant) {
    long start = System.nanoTime();
    RuntimeException last = null;
    for (int attempt = 0; attempt < 240; attempt++) {
      try {
        TenantContext.run(tenant, () -> sessions.inTransaction(s ->
            s.createQuery("select count(c) from Campaign c", Long.class).getSingleResult()));
        return Duration.ofNanos(System.nanoTime() - start);
      } catch (RuntimeException e) {
        last = e;
        sleep(250);
      }
    }
    throw new AssertionError("the pool did not serve tenant " + tenant + " again", last);
  }

  /** A number read on the coordinator, past the pool. */
  long adminLong(String sql) {
    long[] value = new long[1];
    withAdmin(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        value[0] = rs.getLong(1);
      }
    });
    return value[0];
  }

  /** Runs {@code sql} on the coordinator, past the pool. */
  void adminExecute(String sql) {
    withAdmin(c -> {
      try (Statement s = c.createStatement()) {
        s.execute(sql);
      }
    });
  }

  interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  /** {@code work} on an administrative connection to the coordinator, in the test's schema. */
  void withAdmin(SqlWork work) {
    try (Connection c = cluster.connectTo(cluster.coordinator())) {
      try (Statement s = c.createStatement()) {
        s.execute("SET search_path TO " + db.schema() + ", public");
      }
      work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
