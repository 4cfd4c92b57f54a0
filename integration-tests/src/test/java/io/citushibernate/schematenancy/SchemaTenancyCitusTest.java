package io.citushibernate.schematenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.citushibernate.citus.ShardTransferMode;
import io.citushibernate.tenancy.TenantInfo;
import io.citushibernate.tenant.TenantContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On Citus: a created tenant is a distributed schema (in {@code pg_dist_schema}, which {@code citus_schemas} shows) whose tables all
 * sit on one node, its statements run there (the testkit's connections refuse multi-shard ones),
 * and {@code citus_schema_move} takes it to another node with its rows. Skipped elsewhere.
 */
class SchemaTenancyCitusTest {
  @Test
  void eachTenantIsADistributedSchemaOnOneNodeAndMovesWithItsRows() {
    try (SchemaTenants db = SchemaTenants.open(3)) {
      assumeThat(db.database.isCitus()).as("needs Citus; runs on " + db.database.description()).isTrue();
      TenantData.persistPlans(db.sessionFactory);
      List<Long> tenants = List.of(1L, 2L);
      Map<Long, List<String>> reads = new HashMap<>();
      for (long t : tenants) {
        db.tenants.create(t);
        db.tenants.create(t);
        TenantContext.run(t, () -> TenantData.persistTenant(db.sessionFactory, t));
        // with multi-shard statements refused on these connections, every one of them ran on one node
        reads.put(t, TenantContext.get(t, () -> TenantData.reads(db.sessionFactory)));
        assertThat(reads.get(t).get(0)).startsWith("find t" + t + "-board-1");
      }
      assertThat(db.column("select schemaid::regnamespace::text from pg_dist_schema"))
          .contains(db.tenants.schemaOf(1L), db.tenants.schemaOf(2L));
      for (long t : tenants) {
        assertThat(db.column("select distinct n.nodename || ':' || n.nodeport from pg_dist_shard s"
            + " join pg_dist_placement p on p.shardid = s.shardid join pg_dist_node n on n.groupid = p.groupid"
            + " where s.logicalrelid::regclass::text like '" + db.tenants.schemaOf(t) + ".%'"))
            .as("nodes of tenant %s", t).hasSize(1);
      }
      List<TenantInfo> listed = db.tenants.list();
      assertThat(listed).extracting(TenantInfo::tenant).containsExactly(1L, 2L);
      assertThat(listed).allSatisfy(t -> {
        assertThat(t.distributed()).isTrue();
        assertThat(t.node()).isNotNull();
        assertThat(t.sizeBytes()).isPositive();
      });
      String from = listed.get(0).node();
      String to = db.column("select node_name || ':' || node_port from citus_get_active_worker_nodes()").stream()
          .map(Object::toString).filter(node -> !node.equals(from)).findFirst().orElseThrow();
      String host = to.substring(0, to.lastIndexOf(':'));
      int port = Integer.parseInt(to.substring(to.lastIndexOf(':') + 1));
      db.tenants.move(1L, host, port, ShardTransferMode.BLOCK_WRITES);
      db.tenants.move(1L, host, port, ShardTransferMode.BLOCK_WRITES); // there already: nothing to do
      assertThat(db.tenants.list()).filteredOn(t -> t.tenant().equals(1L)).singleElement()
          .satisfies(t -> assertThat(t.node()).isEqualTo(to));
      for (long t : tenants) {
        assertThat(TenantContext.get(t, () -> TenantData.reads(db.sessionFactory))).as("tenant %s after the move", t)
            .isEqualTo(reads.get(t));
      }
    }
  }
}
