package io.citushibernate.faults;

import io.citushibernate.testkit.server.ClusterControl.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The coordinator restarts while eight application threads share a pool of three connections,
 * writing for four tenants (every third write with a reference row, committed in two phases):
 * the transactions in flight fail with an exception that says the connection went away, each
 * transaction is whole or absent, the two tenants nobody writes keep their rows, and the same
 * pool serves every thread again without being rebuilt.
 */
class CoordinatorRestartTest extends AbstractFaultTest {
  private static final List<Long> WRITERS = List.of(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L);

  @Test
  void theCoordinatorRestartedWhileThePoolIsBusy() throws InterruptedException {
    Node coordinator = bench.cluster.coordinator();
    Map<Long, List<String>> before = bench.snapshot();
    Writers.Run run = Writers.throughOutage(bench, "coordinator-restarted", WRITERS, n -> n % 3 == 0, coordinator, 0,
        3L * WRITERS.size());
    FaultReport.record("coordinator " + coordinator.address() + " restarted while " + WRITERS.size()
        + " threads share a pool of 3 connections (tenants 1-4 written, 5-6 not)", Failures.distinct(run.failed()),
        bench.assertThroughOutage(run, before, coordinator, "coordinator-restarted"), run.recovery());
  }
}
