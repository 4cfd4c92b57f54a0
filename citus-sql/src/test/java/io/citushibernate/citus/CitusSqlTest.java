package io.citushibernate.citus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitusSqlTest {

  @Test
  void createReferenceTable() {
    assertEquals("create_reference_table('geo_ips')", CitusSql.createReferenceTable("geo_ips"));
    assertEquals("create_reference_table('public.\"Order''s\"')", CitusSql.createReferenceTable("public.\"Order's\""));
  }

  @Test
  void createDistributedTable() {
    assertEquals("create_distributed_table('stores', 'store_id')",
        CitusSql.createDistributedTable("stores", "store_id", null, null));
    assertEquals("create_distributed_table('orders', 'store_id', colocate_with => 'stores')",
        CitusSql.createDistributedTable("orders", "store_id", "stores", null));
    assertEquals("create_distributed_table('events', 'tenant_id', colocate_with => 'none', shard_count => 64)",
        CitusSql.createDistributedTable("events", "tenant_id", "none", 64));
    assertEquals("create_distributed_table('companies', 'id', shard_count => 32)",
        CitusSql.createDistributedTable("companies", "id", null, 32));
    assertEquals("create_distributed_table(E'a\\\\b', 'c')", CitusSql.createDistributedTable("a\\b", "c", null, null));
  }

  @Test
  void alterDistributedTable() {
    assertEquals("alter_distributed_table('orders', shard_count => 8)",
        CitusSql.alterDistributedTable("orders", null, 8, null, null));
    assertEquals("alter_distributed_table('orders', distribution_column => 'tenant', shard_count => 8, "
        + "colocate_with => 'stores', cascade_to_colocated => false)",
        CitusSql.alterDistributedTable("orders", "tenant", 8, "stores", false));
  }

  @Test
  void undistributeTable() {
    assertEquals("undistribute_table('orders')", CitusSql.undistributeTable("orders", false));
    assertEquals("undistribute_table('orders', cascade_via_foreign_keys => true)",
        CitusSql.undistributeTable("orders", true));
  }

  @Test
  void isolateTenantToNewShard() {
    assertEquals("isolate_tenant_to_new_shard('orders', 42, shard_transfer_mode => 'auto')",
        CitusSql.isolateTenantToNewShard("orders", "42", false, ShardTransferMode.AUTO));
    assertEquals("isolate_tenant_to_new_shard('orders', 'acme', cascade_option => 'CASCADE', "
        + "shard_transfer_mode => 'block_writes')",
        CitusSql.isolateTenantToNewShard("orders", "'acme'", true, ShardTransferMode.BLOCK_WRITES));
    assertEquals("isolate_tenant_to_new_shard('orders', 1)", CitusSql.isolateTenantToNewShard("orders", "1", false, null));
  }

  @Test
  void moveTenantToNode() {
    assertEquals("SELECT citus_move_shard_placement(p.shardid, n.nodename, n.nodeport, 'w2', 5433, "
        + "shard_transfer_mode => 'force_logical') FROM pg_dist_placement p JOIN pg_dist_node n "
        + "ON n.groupid = p.groupid AND n.noderole = 'primary' WHERE p.shardid = "
        + "get_shard_id_for_distribution_column('orders', 7) AND NOT (n.nodename = 'w2' AND n.nodeport = 5433)",
        CitusSql.moveTenantToNode("orders", "7", "w2", 5433, ShardTransferMode.FORCE_LOGICAL));
  }

  @Test
  void rebalance() {
    assertEquals("citus_rebalance_start()", CitusSql.rebalanceStart(null, null));
    assertEquals("citus_rebalance_start(rebalance_strategy => 'by_disk_size', shard_transfer_mode => 'block_writes')",
        CitusSql.rebalanceStart("by_disk_size", ShardTransferMode.BLOCK_WRITES));
    assertEquals("citus_rebalance_wait()", CitusSql.REBALANCE_WAIT);
  }

  @Test
  void schemaDistribution() {
    assertEquals("citus_schema_distribute('tenant_1')", CitusSql.schemaDistribute("tenant_1"));
    assertEquals("citus_schema_undistribute('\"Tenant\"')", CitusSql.schemaUndistribute("\"Tenant\""));
  }

  @Test
  void keyRewrites() {
    assertEquals("ALTER TABLE orders DROP CONSTRAINT orders_pkey", CitusSql.dropConstraint("orders", "orders_pkey"));
    assertEquals("ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (store_id, id)",
        CitusSql.addKey("orders", "orders_pkey", CitusSql.Key.PRIMARY_KEY, List.of("store_id", "id")));
    assertEquals("ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (store_id, code)",
        CitusSql.addKey("orders", "orders_code_key", CitusSql.Key.UNIQUE, List.of("store_id", "code")));
    assertEquals("ALTER TABLE \"s\".\"t\" DROP CONSTRAINT \"t_pkey\" CASCADE, ADD CONSTRAINT \"t_pkey\" "
        + "PRIMARY KEY (\"id\", \"tenant\")", CitusSql.replaceKey("\"s\".\"t\"", "\"t_pkey\"",
            CitusSql.Key.PRIMARY_KEY, List.of("\"id\"", "\"tenant\"")));
    assertEquals("ALTER TABLE items ADD CONSTRAINT items_order_fk FOREIGN KEY (store_id, order_id) "
        + "REFERENCES orders (store_id, id)", CitusSql.addForeignKey("items", "items_order_fk",
            List.of("store_id", "order_id"), "orders", List.of("store_id", "id")));
  }

  @Test
  void transferModes() {
    assertEquals(ShardTransferMode.AUTO, ShardTransferMode.parse(null));
    assertEquals(ShardTransferMode.AUTO, ShardTransferMode.parse(" "));
    assertEquals(ShardTransferMode.FORCE_LOGICAL, ShardTransferMode.parse(" Force_Logical "));
    assertNull(ShardTransferMode.parse("fast"));
    assertTrue(ShardTransferMode.AUTO.needsNoTransaction());
    assertFalse(ShardTransferMode.BLOCK_WRITES.needsNoTransaction());
  }
}
