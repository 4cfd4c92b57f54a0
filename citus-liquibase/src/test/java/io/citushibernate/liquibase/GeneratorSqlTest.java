package io.citushibernate.liquibase;

import io.citushibernate.citus.ShardTransferMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import liquibase.database.core.PostgresDatabase;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import org.junit.jupiter.api.Test;

/** The exact SQL of every generator, including identifier quoting and tenant literal escaping. */
class GeneratorSqlTest {

    private final PostgresDatabase database = new PostgresDatabase();

    private List<String> sql(SqlStatement statement) {
        Sql[] sql = SqlGeneratorFactory.getInstance().generateSql(statement, database);
        return Arrays.stream(sql).map(Sql::toSql).collect(Collectors.toList());
    }

    @Test
    void createDistributedTable() {
        assertThat(sql(new CreateDistributedTableStatement(null, "orders", "store_id", null, null)))
                .containsExactly("SELECT create_distributed_table('orders', 'store_id')");
        assertThat(sql(new CreateDistributedTableStatement("shop", "orders", "store_id", "stores", null)))
                .containsExactly("SELECT create_distributed_table('shop.orders', 'store_id',"
                        + " colocate_with => 'shop.stores')");
        assertThat(sql(new CreateDistributedTableStatement("public", "events", "tenant_id", "NONE", 64)))
                .containsExactly("SELECT create_distributed_table('public.events', 'tenant_id',"
                        + " colocate_with => 'none', shard_count => 64)");
        assertThat(sql(new CreateDistributedTableStatement("public", "orders", "store_id", "other.stores", null)))
                .containsExactly("SELECT create_distributed_table('public.orders', 'store_id',"
                        + " colocate_with => 'other.stores')");
    }

    @Test
    void mixedCaseAndQuotedNamesAreEscapedInsideTheLiteral() {
        // Liquibase quotes the mixed-case name; the quote inside the name is doubled for the string literal.
        assertThat(sql(new CreateDistributedTableStatement("public", "Order's", "Store", null, null)))
                .containsExactly("SELECT create_distributed_table('public.\"Order''s\"', 'Store')");
        assertThat(sql(new CreateReferenceTableStatement("public", "GeoIps")))
                .containsExactly("SELECT create_reference_table('public.\"GeoIps\"')");
    }

    @Test
    void createReferenceTable() {
        assertThat(sql(new CreateReferenceTableStatement(null, "geo_ips")))
                .containsExactly("SELECT create_reference_table('geo_ips')");
    }

    @Test
    void undistributeTable() {
        assertThat(sql(new UndistributeTableStatement(null, "orders", false, false)))
                .containsExactly("SELECT undistribute_table('orders')");
        assertThat(sql(new UndistributeTableStatement("public", "orders", true, true)))
                .containsExactly("SELECT undistribute_table('public.orders', cascade_via_foreign_keys => true)"
                        + " WHERE EXISTS (SELECT 1 FROM pg_dist_partition"
                        + " WHERE logicalrelid = 'public.orders'::regclass)");
    }

    @Test
    void alterDistributedTable() {
        assertThat(sql(new AlterDistributedTableStatement(null, "orders", null, 64, null, true)))
                .containsExactly("SELECT alter_distributed_table('orders', shard_count => 64,"
                        + " cascade_to_colocated => true)");
        assertThat(sql(new AlterDistributedTableStatement(null, "orders", "tenant_id", null, "stores", null)))
                .containsExactly("SELECT alter_distributed_table('orders', distribution_column => 'tenant_id',"
                        + " colocate_with => 'stores')");
    }

    @Test
    void isolateTenantToNewShard() {
        assertThat(sql(new IsolateTenantToNewShardStatement(null, "companies", TenantValue.parse("5", null), true,
                ShardTransferMode.BLOCK_WRITES)))
                .containsExactly("SELECT isolate_tenant_to_new_shard('companies', 5, cascade_option => 'CASCADE',"
                        + " shard_transfer_mode => 'block_writes')");
        assertThat(sql(new IsolateTenantToNewShardStatement(null, "accounts", TenantValue.parse("O'Brien", "text"),
                false, ShardTransferMode.AUTO)))
                .containsExactly("SELECT isolate_tenant_to_new_shard('accounts', 'O''Brien',"
                        + " shard_transfer_mode => 'auto')");
    }

    @Test
    void moveSchema() {
        assertThat(sql(new MoveSchemaStatement("tenant_5", "worker-2", 5433, ShardTransferMode.BLOCK_WRITES)))
                .containsExactly("SELECT citus_schema_move('tenant_5', 'worker-2', 5433,"
                        + " shard_transfer_mode => 'block_writes') WHERE EXISTS (SELECT 1 FROM pg_dist_partition d"
                        + " JOIN pg_class c ON c.oid = d.logicalrelid JOIN pg_dist_shard s ON s.logicalrelid ="
                        + " d.logicalrelid JOIN pg_dist_placement p ON p.shardid = s.shardid JOIN pg_dist_node n ON"
                        + " n.groupid = p.groupid AND n.noderole = 'primary' WHERE c.relnamespace ="
                        + " 'tenant_5'::regnamespace AND NOT (n.nodename = 'worker-2' AND n.nodeport = 5433))");
        assertThat(sql(new MoveSchemaStatement("Tenant-5", "worker-2", 5432, ShardTransferMode.AUTO)).get(0))
                .startsWith("SELECT citus_schema_move('\"Tenant-5\"', 'worker-2', 5432,")
                .contains("c.relnamespace = '\"Tenant-5\"'::regnamespace");
    }

    @Test
    void moveTenantToNode() {
        assertThat(sql(new MoveTenantToNodeStatement(null, "stores",
                TenantValue.parse("8C69AA0D-3F13-4440-86CA-443566C1FC75", null), "worker-2", 5432,
                ShardTransferMode.FORCE_LOGICAL)))
                .containsExactly("SELECT citus_move_shard_placement(p.shardid, n.nodename, n.nodeport, 'worker-2',"
                        + " 5432, shard_transfer_mode => 'force_logical') FROM pg_dist_placement p JOIN pg_dist_node n"
                        + " ON n.groupid = p.groupid AND n.noderole = 'primary' WHERE p.shardid ="
                        + " get_shard_id_for_distribution_column('stores',"
                        + " '8c69aa0d-3f13-4440-86ca-443566c1fc75'::uuid)"
                        + " AND NOT (n.nodename = 'worker-2' AND n.nodeport = 5432)");
    }

    @Test
    void rebalanceShards() {
        assertThat(sql(new RebalanceShardsStatement(null, null, false)))
                .containsExactly("SELECT citus_rebalance_start()");
        assertThat(sql(new RebalanceShardsStatement("by_disk_size", ShardTransferMode.BLOCK_WRITES, true)))
                .containsExactly("SELECT citus_rebalance_start(rebalance_strategy => 'by_disk_size',"
                        + " shard_transfer_mode => 'block_writes')", "SELECT citus_rebalance_wait()");
    }

    @Test
    void schemaDistribution() {
        assertThat(sql(new SchemaDistributionStatement("tenant_a", true)))
                .containsExactly("SELECT citus_schema_distribute('tenant_a')");
        assertThat(sql(new SchemaDistributionStatement("Tenant B", false)))
                .containsExactly("SELECT citus_schema_undistribute('\"Tenant B\"')");
    }

    @Test
    void addTenantColumnWithOneAndTwoHops() {
        assertThat(sql(new AddTenantColumnStatement("public", "line_items", "store_id", "uuid",
                JoinPath.parse("line_items.order_id = orders.order_id", "public", "line_items"), "store_id", true)))
                .containsExactly(
                        "ALTER TABLE public.line_items ADD COLUMN store_id UUID",
                        "UPDATE public.line_items t0 SET store_id = t1.store_id FROM public.orders t1"
                                + " WHERE t0.order_id = t1.order_id",
                        "ALTER TABLE public.line_items ALTER COLUMN store_id SET NOT NULL");
        assertThat(sql(new AddTenantColumnStatement(null, "notes", "tenant", "bigint",
                JoinPath.parse("notes.item_id = items.id, items.order_id = sales.orders.id", null, "notes"),
                "tenant_id", false)))
                .containsExactly(
                        "ALTER TABLE notes ADD COLUMN tenant BIGINT",
                        "UPDATE notes t0 SET tenant = t2.tenant_id FROM items t1, sales.orders t2"
                                + " WHERE t0.item_id = t1.id AND t1.order_id = t2.id");
    }

    @Test
    void addTenantColumnToKeysAndItsReverse() {
        TenantKeys keys = TenantKeys.parse(null, "orders", "store_id", null, "order_id",
                "orders_number_key(order_number)",
                "line_items_order_fkey: line_items(order_id) -> orders(order_id);"
                        + " orders_region_fkey: orders(region_id) -> regions(region_id)");
        assertThat(sql(new AddTenantColumnToKeysStatement(keys, keys.withTenant()))).containsExactly(
                "ALTER TABLE line_items DROP CONSTRAINT line_items_order_fkey",
                "ALTER TABLE orders DROP CONSTRAINT orders_region_fkey",
                "ALTER TABLE orders DROP CONSTRAINT orders_number_key",
                "ALTER TABLE orders DROP CONSTRAINT orders_pkey",
                "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (store_id, order_id)",
                "ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE (store_id, order_number)",
                "ALTER TABLE line_items ADD CONSTRAINT line_items_order_fkey FOREIGN KEY (store_id, order_id)"
                        + " REFERENCES orders (store_id, order_id)",
                "ALTER TABLE orders ADD CONSTRAINT orders_region_fkey FOREIGN KEY (store_id, region_id)"
                        + " REFERENCES regions (store_id, region_id)");
        assertThat(sql(new AddTenantColumnToKeysStatement(keys.withTenant(), keys))).containsExactly(
                "ALTER TABLE line_items DROP CONSTRAINT line_items_order_fkey",
                "ALTER TABLE orders DROP CONSTRAINT orders_region_fkey",
                "ALTER TABLE orders DROP CONSTRAINT orders_number_key",
                "ALTER TABLE orders DROP CONSTRAINT orders_pkey",
                "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (order_id)",
                "ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE (order_number)",
                "ALTER TABLE line_items ADD CONSTRAINT line_items_order_fkey FOREIGN KEY (order_id)"
                        + " REFERENCES orders (order_id)",
                "ALTER TABLE orders ADD CONSTRAINT orders_region_fkey FOREIGN KEY (region_id)"
                        + " REFERENCES regions (region_id)");
    }

    @Test
    void schemaChangesRunTheirFunctionAndUndoEachOther() {
        DistributeSchemaChange distribute = new DistributeSchemaChange();
        distribute.setSchemaName("tenant_a");
        assertThat(sql(distribute.statements(database)[0])).containsExactly(sql(new SchemaDistributionStatement("tenant_a", true)).get(0));
        assertThat(distribute.getConfirmationMessage()).isEqualTo("Schema tenant_a distributed");
        SchemaDistributionChange undo = (SchemaDistributionChange) distribute.createInverses()[0];
        assertThat(undo).isInstanceOf(UndistributeSchemaChange.class);
        assertThat(undo.getSchemaName()).isEqualTo("tenant_a");
        assertThat(sql(undo.statements(database)[0])).containsExactly(sql(new SchemaDistributionStatement("tenant_a", false)).get(0));
        assertThat(undo.getConfirmationMessage()).isEqualTo("Schema tenant_a undistributed");
        assertThat(((SchemaDistributionChange) undo.createInverses()[0])).isInstanceOf(DistributeSchemaChange.class);
    }
}
