package io.citushibernate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.faults.FaultBench.Outcome;
import io.citushibernate.faults.FaultBench.Write;
import io.citushibernate.testkit.server.ClusterControl.Node;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A worker stops in the middle of a tenant's transaction, and while transactions commit in two
 * phases: the application gets an exception naming the lost connection, each transaction is whole
 * or absent once Citus recovered its prepared transactions, no other tenant's rows change, and the
 * same pool serves every tenant once the worker is back.
 */
class WorkerFaultTest extends AbstractFaultTest {
  /**
   * Without a reference row the tenant's transaction lives on its worker alone (Citus commits it
   * in one phase); with one it spans every node (two phases).
   */
  @ParameterizedTest(name = "reference row: {0}")
  @ValueSource(booleans = {false, true})
  void aWorkerStoppedInTheMiddleOfATenantsTransactionFailsItWhole(boolean referenceRow) {
    long tenant = 3;
    Node worker = bench.workerOf(tenant);
    Map<Long, List<String>> before = bench.snapshot();
    Write write = new Write(tenant, "worker-stopped-midway", referenceRow);

    Outcome outcome = bench.run(write, s -> bench.stop(worker), s -> { });
    bench.start(worker);
    Duration recovery = bench.awaitRecovery(tenant);

    assertThat(outcome.committed()).as("a transaction whose worker stopped").isFalse();
    Failures.assertConnectionFailure(outcome.failure(), worker.address());
    long recovered = bench.assertPreparedTransactionsRecovered();
    String tally = bench.assertOutcomes(List.of(outcome), before);
    assertThat(bench.stored(write).absent()).as("the transaction failed before its commit: nothing of it").isTrue();
    bench.assertEveryTenantWrites("after-worker-stopped-midway");

    FaultReport.record("worker " + worker.address() + " stopped in the middle of tenant " + tenant + "'s transaction"
        + (referenceRow ? " (with a reference row: 2PC over every node)" : " (its worker only: 1PC)"),
        Failures.describe(outcome.failure()) + " (in " + outcome.phase() + ")",
        tally + "; prepared transactions recovered: " + recovered, recovery);
  }

  /**
   * Two application threads commit two-phase transactions (tenant rows and a reference row) while
   * the tenant's worker stops and starts: a stop that falls between PREPARE and COMMIT PREPARED
   * leaves a prepared transaction behind, which Citus' recovery resolves by the coordinator's
   * record. Where the stop falls is chance; the promise holds for every write either way.
   */
  @Test
  void aWorkerStoppedWhileTwoPhaseCommitsRunLeavesEachWholeOrAbsent() throws InterruptedException {
    long tenant = 4;
    Node worker = bench.workerOf(tenant);
    Map<Long, List<String>> before = bench.snapshot();
    Writers.Run run = Writers.throughOutage(bench, "worker-stopped-in-commit", List.of(tenant, tenant), n -> true,
        worker, 500, 10);
    FaultReport.record("worker " + worker.address() + " stopped for 0.5 s while two threads commit tenant " + tenant
        + "'s two-phase transactions", Failures.distinct(run.failed()),
        bench.assertThroughOutage(run, before, worker, "worker-stopped-in-commit"), run.recovery());
  }

  /**
   * The fault Citus' two-phase commit exists for, made certain rather than left to chance: the
   * coordinator has prepared the transaction on every worker and written its own commit, and the
   * tenant's worker stops before COMMIT PREPARED reaches it. The test holds the commit there by
   * asking, for this transaction only, for a synchronous standby that does not exist
   * ({@code synchronous_commit = on} against a named {@code synchronous_standby_names}): the wait
   * comes after the coordinator's commit record and before Citus sends COMMIT PREPARED. The
   * application sees its commit succeed; the worker comes back holding a
   * prepared transaction, and recovery completes it by the coordinator's record.
   */
  @Test
  void aWorkerStoppedBetweenTheTwoPhasesOfACommitIsCompletedByRecovery() throws Exception {
    long tenant = 5;
    Node worker = bench.workerOf(tenant);
    Map<Long, List<String>> before = bench.snapshot();
    Write write = new Write(tenant, "worker-stopped-between-phases", true);
    AtomicLong pid = new AtomicLong();
    CompletableFuture<Outcome> application;
    holdCommitsAfterTheCoordinatorsRecord();
    try {
      application = CompletableFuture.supplyAsync(() -> bench.run(write, s -> { }, s -> s.doWork(c -> {
        try (Statement st = c.createStatement()) {
          st.execute("SET LOCAL synchronous_commit = on");
          try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid.set(rs.getLong(1));
          }
        }
      })));
      awaitCommitHeld(pid, application);
      bench.stop(worker);
    } finally {
      releaseCommits();
    }
    Outcome outcome = application.get();
    bench.start(worker);
    Duration recovery = bench.awaitRecovery(tenant);
    FaultBench.Stored beforeRecovery = bench.stored(write);
    List<String> prepared = bench.preparedTransactions();
    long recovered = bench.assertPreparedTransactionsRecovered();

    assertThat(outcome.committed()).as("the coordinator committed: the application's commit succeeds, %s",
        outcome.failure() == null ? "" : Failures.describe(outcome.failure())).isTrue();
    assertThat(prepared).as("prepared transactions the stopped worker came back with").isNotEmpty()
        .allSatisfy(gid -> assertThat(gid).startsWith(worker.name() + ": citus_"));
    assertThat(beforeRecovery.rows()).as("before recovery, the worker's part is prepared, not committed")
        .isNotEqualTo(write.complete());
    assertThat(recovered).as("prepared transactions recovery committed").isEqualTo(prepared.size());
    String tally = bench.assertOutcomes(List.of(outcome), before);
    bench.assertEveryTenantWrites("after-worker-stopped-between-phases");

    FaultReport.record("worker " + worker.address() + " stopped between PREPARE and COMMIT PREPARED of tenant "
        + tenant + "'s two-phase transaction (held there by a synchronous-standby wait on the coordinator)",
        "no exception: the commit succeeded (the coordinator had recorded it)",
        tally + "; before recovery the write's rows were " + beforeRecovery.rows() + " with " + prepared.size()
        + " prepared transaction(s) on the worker; recover_prepared_transactions() committed " + recovered,
        recovery);
  }

  /**
   * Makes a commit that asks for {@code synchronous_commit = on} wait after the coordinator's
   * commit record, and keeps Citus' maintenance daemon from recovering prepared transactions
   * meanwhile, until {@link #releaseCommits()}. Other sessions run with the cluster's
   * {@code synchronous_commit = off} and do not wait.
   */
  private void holdCommitsAfterTheCoordinatorsRecord() {
    bench.adminExecute("ALTER SYSTEM SET synchronous_standby_names = 'held_by_the_fault_test'");
    bench.adminExecute("ALTER SYSTEM SET citus.recover_2pc_interval = -1");
    bench.adminExecute("SELECT pg_reload_conf()");
  }

  /** Lets held commits go on (without a synchronous standby named, nothing waits for one). */
  private void releaseCommits() {
    bench.adminExecute("ALTER SYSTEM RESET synchronous_standby_names");
    bench.adminExecute("ALTER SYSTEM RESET citus.recover_2pc_interval");
    bench.adminExecute("SELECT pg_reload_conf()");
  }

  /** Waits until the application's backend waits in its commit for the synchronous standby. */
  private void awaitCommitHeld(AtomicLong pid, CompletableFuture<Outcome> application) {
    for (int i = 0; i < 600; i++) {
      if (application.isDone()) {
        throw new AssertionError("the commit was not held: " + application.join());
      }
      if (pid.get() != 0 && bench.adminLong("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid.get()
          + " AND wait_event = 'SyncRep'") == 1) {
        return;
      }
      FaultBench.sleep(100);
    }
    throw new AssertionError("the commit was not held");
  }
}
