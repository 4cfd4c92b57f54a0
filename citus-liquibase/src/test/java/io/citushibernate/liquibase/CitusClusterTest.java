package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RequiresCitus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The changelogs on a real Citus cluster: wherever the testkit found one (CITUS_TEST_URL, a local Citus installation,
 * Docker); skipped, with the reason, on plain PostgreSQL, where the other tests cover the rest.
 */
@CitusTest(cleanup = false)
@RequiresCitus
class CitusClusterTest {

    private TestSchema schema;

    @BeforeEach
    void emptySchema(CitusDatabase db) {
        schema = TestSchema.emptied(db);
        assertThat(schema.one(Citus.DETECT_SQL)).as("citus extension installed").isEqualTo("1");
    }

    @Test
    void storeMigrationDistributesCoLocatedAndRollsBack() throws Exception {
        schema.exec(Resources.text("changelogs/store-before.sql"));

        Lb.update(schema, "changelogs/store-migration.xml");

        for (String table : new String[] {"stores", "products", "orders", "line_items", "line_item_notes"}) {
            assertThat(schema.partition(table)).as(table).isEqualTo("h store_id");
        }
        assertThat(schema.one("select count(distinct colocationid) from pg_dist_partition where logicalrelid in"
                + " ('stores'::regclass, 'products'::regclass, 'orders'::regclass, 'line_items'::regclass,"
                + " 'line_item_notes'::regclass)")).isEqualTo("1");
        assertThat(schema.keys()).containsExactlyElementsOf(StoreMigrationTest.KEYS_AFTER);
        // every store's line items, joined co-located
        assertThat(schema.oneAcrossTenants("select count(*) from line_items l join orders o"
                + " on o.store_id = l.store_id and o.order_id = l.order_id")).isEqualTo("45");

        Lb.rollbackCount(schema, "changelogs/store-migration.xml", 6);

        assertThat(schema.one("select count(*) from pg_dist_partition where logicalrelid in"
                + " ('stores'::regclass, 'orders'::regclass, 'line_items'::regclass)")).isEqualTo("0");
        assertThat(schema.keys()).containsExactlyElementsOf(StoreMigrationTest.KEYS_BEFORE);
    }

    @Test
    void adAnalyticsDistributesReferencesIsolatesAndRollsBack() throws Exception {
        Lb.update(schema, "changelogs/ad-analytics.xml");

        assertThat(schema.partition("companies")).isEqualTo("h id");
        for (String table : new String[] {"campaigns", "ads", "clicks", "impressions"}) {
            assertThat(schema.partition(table)).as(table).isEqualTo("h company_id");
        }
        assertThat(schema.partition("geo_ips")).isEqualTo("n ");
        assertThat(schema.one("select count(distinct colocationid) from pg_dist_partition where logicalrelid in"
                + " ('companies'::regclass, 'campaigns'::regclass, 'ads'::regclass, 'clicks'::regclass,"
                + " 'impressions'::regclass)")).isEqualTo("1");
        // company 5 sits alone in its shard: the shard's hash range is that single value
        assertThat(schema.one("select shardminvalue::bigint = shardmaxvalue::bigint from pg_dist_shard"
                + " where shardid = get_shard_id_for_distribution_column('companies', 5)")).isEqualTo("t");
        assertThat(schema.one("select count(*) from clicks where company_id = 5")).isEqualTo("20");

        Lb.rollbackCount(schema, "changelogs/ad-analytics.xml", 4);

        assertThat(schema.one("select to_regclass('companies')")).isNull();
    }
}
