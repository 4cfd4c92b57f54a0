package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import org.junit.jupiter.api.Test;

/**
 * update-sql and future-rollback-sql print the exact SQL; XML and YAML changelogs print the same. Offline, except
 * update-sql against the testkit's database.
 */
@CitusTest(cleanup = false)
class SqlOutputTest {

    static final String STORE_UPDATE_SQL = String.join("\n",
            "ALTER TABLE line_items ADD COLUMN store_id UUID;",
            "UPDATE line_items t0 SET store_id = t1.store_id FROM orders t1 WHERE t0.order_id = t1.order_id;",
            "ALTER TABLE line_items ALTER COLUMN store_id SET NOT NULL;",
            "ALTER TABLE line_item_notes ADD COLUMN store_id UUID;",
            "UPDATE line_item_notes t0 SET store_id = t2.store_id FROM line_items t1, orders t2"
                    + " WHERE t0.line_item_id = t1.line_item_id AND t1.order_id = t2.order_id;",
            "ALTER TABLE line_item_notes ALTER COLUMN store_id SET NOT NULL;",
            "ALTER TABLE line_items DROP CONSTRAINT line_items_product_id_fkey;",
            "ALTER TABLE products DROP CONSTRAINT products_pkey;",
            "ALTER TABLE products ADD CONSTRAINT products_pkey PRIMARY KEY (store_id, product_id);",
            "ALTER TABLE line_items ADD CONSTRAINT line_items_product_id_fkey FOREIGN KEY (store_id, product_id)"
                    + " REFERENCES products (store_id, product_id);",
            "ALTER TABLE line_items DROP CONSTRAINT line_items_order_id_fkey;",
            "ALTER TABLE orders DROP CONSTRAINT orders_order_number_key;",
            "ALTER TABLE orders DROP CONSTRAINT orders_pkey;",
            "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (store_id, order_id);",
            "ALTER TABLE orders ADD CONSTRAINT orders_order_number_key UNIQUE (store_id, order_number);",
            "ALTER TABLE line_items ADD CONSTRAINT line_items_order_id_fkey FOREIGN KEY (store_id, order_id)"
                    + " REFERENCES orders (store_id, order_id);",
            "ALTER TABLE line_item_notes DROP CONSTRAINT line_item_notes_line_item_id_fkey;",
            "ALTER TABLE line_items DROP CONSTRAINT line_items_pkey;",
            "ALTER TABLE line_items ADD CONSTRAINT line_items_pkey PRIMARY KEY (store_id, line_item_id);",
            "ALTER TABLE line_item_notes ADD CONSTRAINT line_item_notes_line_item_id_fkey FOREIGN KEY"
                    + " (store_id, line_item_id) REFERENCES line_items (store_id, line_item_id);",
            "ALTER TABLE line_item_notes DROP CONSTRAINT line_item_notes_pkey;",
            "ALTER TABLE line_item_notes ADD CONSTRAINT line_item_notes_pkey PRIMARY KEY (store_id, note_id);",
            "SELECT create_distributed_table('stores', 'store_id');",
            "SELECT create_distributed_table('products', 'store_id', colocate_with => 'stores');",
            "SELECT create_distributed_table('orders', 'store_id', colocate_with => 'stores');",
            "SELECT create_distributed_table('line_items', 'store_id', colocate_with => 'stores');",
            "SELECT create_distributed_table('line_item_notes', 'store_id', colocate_with => 'stores');",
            "");

    static final String STORE_ROLLBACK_SQL = String.join("\n",
            "SELECT undistribute_table('line_item_notes', cascade_via_foreign_keys => true) WHERE EXISTS"
                    + " (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'line_item_notes'::regclass);",
            "SELECT undistribute_table('line_items', cascade_via_foreign_keys => true) WHERE EXISTS"
                    + " (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'line_items'::regclass);",
            "SELECT undistribute_table('orders', cascade_via_foreign_keys => true) WHERE EXISTS"
                    + " (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'orders'::regclass);",
            "SELECT undistribute_table('products', cascade_via_foreign_keys => true) WHERE EXISTS"
                    + " (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'products'::regclass);",
            "SELECT undistribute_table('stores', cascade_via_foreign_keys => true) WHERE EXISTS"
                    + " (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'stores'::regclass);",
            "ALTER TABLE line_item_notes DROP CONSTRAINT line_item_notes_pkey;",
            "ALTER TABLE line_item_notes ADD CONSTRAINT line_item_notes_pkey PRIMARY KEY (note_id);",
            "ALTER TABLE line_item_notes DROP CONSTRAINT line_item_notes_line_item_id_fkey;",
            "ALTER TABLE line_items DROP CONSTRAINT line_items_pkey;",
            "ALTER TABLE line_items ADD CONSTRAINT line_items_pkey PRIMARY KEY (line_item_id);",
            "ALTER TABLE line_item_notes ADD CONSTRAINT line_item_notes_line_item_id_fkey FOREIGN KEY"
                    + " (line_item_id) REFERENCES line_items (line_item_id);",
            "ALTER TABLE line_items DROP CONSTRAINT line_items_order_id_fkey;",
            "ALTER TABLE orders DROP CONSTRAINT orders_order_number_key;",
            "ALTER TABLE orders DROP CONSTRAINT orders_pkey;",
            "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY (order_id);",
            "ALTER TABLE orders ADD CONSTRAINT orders_order_number_key UNIQUE (order_number);",
            "ALTER TABLE line_items ADD CONSTRAINT line_items_order_id_fkey FOREIGN KEY (order_id)"
                    + " REFERENCES orders (order_id);",
            "ALTER TABLE line_items DROP CONSTRAINT line_items_product_id_fkey;",
            "ALTER TABLE products DROP CONSTRAINT products_pkey;",
            "ALTER TABLE products ADD CONSTRAINT products_pkey PRIMARY KEY (product_id);",
            "ALTER TABLE line_items ADD CONSTRAINT line_items_product_id_fkey FOREIGN KEY (product_id)"
                    + " REFERENCES products (product_id);",
            "ALTER TABLE line_item_notes DROP COLUMN store_id;",
            "ALTER TABLE line_items DROP COLUMN store_id;",
            "");

    @Test
    void updateSqlPrintsTheExactStatements() throws Exception {
        String output = Lb.updateSql(Lb.offline(), "changelogs/store-migration.xml");
        assertThat(Lb.statementsOnly(output)).isEqualTo(STORE_UPDATE_SQL);
        assertThat(output).contains("-- Changeset changelogs/store-migration.xml::store-6::citus\n"
                + "SELECT create_distributed_table('stores', 'store_id');");
    }

    @Test
    void futureRollbackSqlPrintsTheExactStatements() throws Exception {
        String output = Lb.futureRollbackSql(Lb.offline(), "changelogs/store-migration.xml");
        assertThat(Lb.statementsOnly(output)).isEqualTo(STORE_ROLLBACK_SQL);
    }

    @Test
    void xmlAndYamlProduceTheSameSql() throws Exception {
        assertThat(Lb.statementsOnly(Lb.updateSql(Lb.offline(), "changelogs/store-migration.yaml")))
                .isEqualTo(Lb.statementsOnly(Lb.updateSql(Lb.offline(), "changelogs/store-migration.xml")))
                .isEqualTo(STORE_UPDATE_SQL);
        assertThat(Lb.statementsOnly(Lb.futureRollbackSql(Lb.offline(), "changelogs/store-migration.yaml")))
                .isEqualTo(STORE_ROLLBACK_SQL);
        assertThat(Lb.statementsOnly(Lb.updateSql(Lb.offline(), "changelogs/ad-analytics.json")))
                .isEqualTo(Lb.statementsOnly(Lb.updateSql(Lb.offline(), "changelogs/ad-analytics-citus.xml")))
                .isEqualTo(String.join("\n",
                        "SELECT create_distributed_table('companies', 'id', shard_count => 32);",
                        "SELECT create_distributed_table('campaigns', 'company_id', colocate_with => 'companies');",
                        "SELECT create_reference_table('geo_ips');",
                        "SELECT alter_distributed_table('campaigns', shard_count => 64, cascade_to_colocated => true);",
                        "SELECT isolate_tenant_to_new_shard('companies', 5, cascade_option => 'CASCADE',"
                                + " shard_transfer_mode => 'auto');",
                        "SELECT citus_move_shard_placement(p.shardid, n.nodename, n.nodeport, 'worker-2', 5433,"
                                + " shard_transfer_mode => 'auto') FROM pg_dist_placement p JOIN pg_dist_node n"
                                + " ON n.groupid = p.groupid AND n.noderole = 'primary' WHERE p.shardid ="
                                + " get_shard_id_for_distribution_column('companies', 5)"
                                + " AND NOT (n.nodename = 'worker-2' AND n.nodeport = 5433);",
                        "SELECT citus_rebalance_start(rebalance_strategy => 'by_disk_size');",
                        "SELECT citus_rebalance_wait();",
                        "SELECT citus_schema_distribute('tenant_7');",
                        "SELECT undistribute_table('geo_ips', cascade_via_foreign_keys => true);",
                        ""));
    }

    @Test
    void updateSqlAgainstPlainPostgresShowsTheSkipInsteadOfCitusSql(CitusDatabase db) throws Exception {
        TestSchema schema = TestSchema.emptied(db);
        schema.exec(Resources.text("changelogs/store-before.sql"));
        String output = Lb.updateSql(Lb.database(schema), "changelogs/store-migration.xml");
        assertThat(output).contains("ALTER TABLE " + schema.name()
                + ".products ADD CONSTRAINT products_pkey PRIMARY KEY (store_id, product_id);");
        if (schema.isCitus()) {
            // Citus is there: the script distributes the tables instead
            assertThat(output).contains("create_distributed_table(").doesNotContain("citus-liquibase: skipped");
        } else {
            assertThat(output)
                    .contains("-- citus-liquibase: skipped createDistributedTable in changeset"
                            + " changelogs/store-migration.xml::store-6::citus: the citus extension is not installed"
                            + " (citus.liquibase.when_citus_missing=skip)")
                    .doesNotContain("create_distributed_table");
        }
        // update-sql changed nothing
        assertThat(schema.keys()).containsExactlyElementsOf(StoreMigrationTest.KEYS_BEFORE);
        if (schema.isCitus()) {
            assertThat(schema.partition("stores")).isNull();
        }
    }
}
