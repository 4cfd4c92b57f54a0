package io.citushibernate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.faults.FaultBench.Outcome;
import io.citushibernate.faults.FaultBench.Phase;
import io.citushibernate.faults.FaultBench.Write;
import io.citushibernate.testkit.server.ClusterControl.Node;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A connection killed after the transaction's statements were flushed and before its commit: the
 * application's own connection to the coordinator, or the coordinator's connection to the
 * tenant's worker. The commit fails with an exception saying so, nothing of the transaction
 * remains (no prepared transaction either), other tenants' rows are unchanged, and the same pool
 * goes on serving.
 */
class KilledConnectionTest extends AbstractFaultTest {
  /** What Citus' error says when a one-phase commit fails on a worker. */
  private static final String ONE_PHASE_COMMIT_FAILED = "could not commit transaction for shard";

  @ParameterizedTest(name = "reference row: {0}")
  @ValueSource(booleans = {false, true})
  void theApplicationsConnectionKilledBetweenFlushAndCommit(boolean referenceRow) {
    Node coordinator = bench.cluster.coordinator();
    killBetweenFlushAndCommit(new Write(2, "application-connection-killed", referenceRow), coordinator,
        s -> assertThat(bench.terminate(coordinator, "pid = " + backend(s, "pg_backend_pid()"))).isOne(),
        "the application's connection to the coordinator " + coordinator.address());
  }

  /**
   * On the worker, the coordinator's connection names the application's backend by its global
   * pid. Committing in one phase, Citus says it could not commit the shard (SQL state XX000),
   * without naming the connection.
   */
  @ParameterizedTest(name = "reference row: {0}")
  @ValueSource(booleans = {false, true})
  void theCoordinatorsConnectionToTheWorkerKilledBetweenFlushAndCommit(boolean referenceRow) {
    long tenant = 2;
    Node worker = bench.workerOf(tenant);
    killBetweenFlushAndCommit(new Write(tenant, "worker-connection-killed", referenceRow), worker,
        s -> assertThat(bench.terminate(worker, "application_name = 'citus_internal gpid="
            + backend(s, "citus_backend_gpid()") + "'")).isPositive(),
        "the coordinator's connection to worker " + worker.address());
  }

  private void killBetweenFlushAndCommit(Write write, Node node, Consumer<Session> kill, String what) {
    Map<Long, List<String>> before = bench.snapshot();
    Outcome outcome = bench.run(write, s -> { }, kill);
    Duration recovery = bench.awaitRecovery(write.tenant());

    assertThat(outcome.phase()).as("the commit fails").isEqualTo(Phase.COMMIT);
    Failures.assertConnectionFailure(outcome.failure(), node.address(), ONE_PHASE_COMMIT_FAILED);
    long recovered = bench.assertPreparedTransactionsRecovered();
    String tally = bench.assertOutcomes(List.of(outcome), before);
    assertThat(bench.stored(write).absent()).as("the connection died before the commit: nothing of it").isTrue();
    bench.assertEveryTenantWrites("after-" + write.name() + (write.referenceRow() ? "-2pc" : ""));

    FaultReport.record(what + " killed between flush and commit of tenant " + write.tenant() + "'s transaction"
        + (write.referenceRow() ? " (with a reference row: 2PC over every node)" : " (its worker only: 1PC)"),
        Failures.describe(outcome.failure()) + " (in " + outcome.phase() + ")",
        tally + "; prepared transactions recovered: " + recovered, recovery);
  }

  /** A number about the session's backend, e.g. its pid, read past Hibernate's statement handling. */
  private static long backend(Session s, String function) {
    return s.doReturningWork(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + function)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
