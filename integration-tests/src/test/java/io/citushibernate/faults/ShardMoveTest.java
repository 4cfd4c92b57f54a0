package io.citushibernate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.faults.FaultBench.Outcome;
import io.citushibernate.testkit.server.ClusterControl.Node;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant's shards move to the other worker, and the tenant is isolated to shards of its own,
 * while two application threads write for it (every fourth write with a reference row). Both use
 * {@code shard_transfer_mode := 'block_writes'}: the local cluster runs {@code wal_level =
 * replica}, and Citus' logical replication, the non-blocking mode, needs {@code logical}. Writes
 * wait out the transfer: every one commits, exactly once, under its tenant, and none is lost.
 * Every statement ran with the testkit's routing check ({@code citus.multi_task_query_log_level
 * = 'error'} on the pool's connections): a write routed to more than one shard would have failed.
 * After the transfer, Citus still plans the tenant's queries for one shard.
 */
class ShardMoveTest extends AbstractFaultTest {
  @Test
  void aShardMovedWhileItsTenantWrites() throws InterruptedException {
    long tenant = 2;
    long shard = bench.shardOf(tenant);
    Node from = bench.workerOf(tenant);
    Node to = bench.otherWorker(tenant);
    String outcome = transferWhileWriting(tenant, "shard-moved", "SELECT citus_move_shard_placement(" + shard + ", '"
        + from.host() + "', " + from.port() + ", '" + to.host() + "', " + to.port()
        + ", shard_transfer_mode := 'block_writes')");

    assertThat(bench.workerOf(tenant)).as("the tenant's worker after the move").isEqualTo(to);
    assertThat(bench.shardOf(tenant)).as("the tenant's shard after the move").isEqualTo(shard);
    FaultReport.record("shard " + shard + " of tenant " + tenant + " moved from " + from.address() + " to "
        + to.address() + " (block_writes) while two threads write for the tenant", "no exception", outcome, null);
  }

  @Test
  void aTenantIsolatedWhileItWrites() throws InterruptedException {
    long tenant = 3;
    long shard = bench.shardOf(tenant);
    String outcome = transferWhileWriting(tenant, "tenant-isolated", "SELECT isolate_tenant_to_new_shard('companies', "
        + tenant + ", 'CASCADE', shard_transfer_mode => 'block_writes')");

    long isolated = bench.shardOf(tenant);
    assertThat(isolated).as("the tenant's shard after the isolation").isNotEqualTo(shard);
    assertThat(bench.adminLong("SELECT count(*) FROM pg_dist_shard WHERE shardid = " + isolated
        + " AND shardminvalue = shardmaxvalue")).as("shard %d holds one hash value: the tenant's", isolated).isOne();
    FaultReport.record("tenant " + tenant + " isolated from shard " + shard + " to shard " + isolated
        + " (CASCADE, block_writes) while two threads write for it", "no exception", outcome, null);
  }

  /**
   * Runs {@code transfer} on the coordinator while two threads write for {@code tenant}; asserts
   * that every write committed, whole and once, and that the tenant's queries stay single-shard.
   */
  private String transferWhileWriting(long tenant, String name, String transfer) throws InterruptedException {
    Map<Long, List<String>> before = bench.snapshot();
    Writers writers = new Writers(bench, name, List.of(tenant, tenant), n -> n % 4 == 0);
    List<Outcome> outcomes;
    Duration took;
    long writtenDuring;
    try {
      writers.awaitCommitted(0, 10);
      long start = System.nanoTime();
      long committedBefore = writers.committed();
      bench.adminExecute(transfer);
      took = Duration.ofNanos(System.nanoTime() - start);
      writtenDuring = writers.committed() - committedBefore;
      writers.awaitCommitted(writers.committed(), 10);
    } finally {
      outcomes = writers.stop();
    }

    assertThat(outcomes.stream().filter(o -> !o.committed()).map(o -> Failures.describe(o.failure())))
        .as("writes that failed during the transfer").isEmpty();
    String tally = bench.assertOutcomes(outcomes, before);
    assertThat(bench.taskCount("SELECT * FROM campaigns c JOIN ads a ON a.company_id = c.company_id "
        + "AND a.campaign_id = c.id WHERE c.company_id = " + tenant)).as("shards of the tenant's query").isOne();
    bench.assertEveryTenantWrites("after-" + name);
    return tally + "; " + writtenDuring + " committed between the start and the end of the transfer (" + took.toMillis()
        + " ms)";
  }
}
