package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same changelogs against a real Citus coordinator, when CITUS_TEST_URL names one (a JDBC URL with user and
 * password, e.g. jdbc:postgresql://localhost:5432/postgres?user=postgres&amp;password=secret). Every test removes what
 * it creates, so it can run again on the same cluster.
 */
class CitusClusterTest {

    private static final String URL = System.getenv("CITUS_TEST_URL");

    @BeforeEach
    void requireCitus() throws Exception {
        assumeTrue(URL != null && !URL.isBlank(),
                "CITUS_TEST_URL is not set: no Citus cluster to test against (plain PostgreSQL tests cover the rest)");
        cleanUp();
        assertThat(Pg.one(URL, Citus.DETECT_SQL)).as("citus extension installed at CITUS_TEST_URL").isEqualTo("1");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (URL == null || URL.isBlank()) {
            return;
        }
        Pg.exec(URL, "DROP TABLE IF EXISTS line_item_notes, line_items, orders, products, stores, companies,"
                + " campaigns, ads, clicks, impressions, geo_ips CASCADE");
        Pg.exec(URL, "DROP TABLE IF EXISTS databasechangelog, databasechangeloglock");
    }

    private static String partition(String table) throws Exception {
        return Pg.one(URL, "select partmethod || ' ' || coalesce(column_to_column_name(logicalrelid, partkey), '')"
                + " from pg_dist_partition where logicalrelid = 'public." + table + "'::regclass");
    }

    @Test
    void storeMigrationDistributesCoLocatedAndRollsBack() throws Exception {
        Pg.exec(URL, Resources.text("changelogs/store-before.sql"));

        Lb.update(URL, "changelogs/store-migration.xml");

        for (String table : new String[] {"stores", "products", "orders", "line_items", "line_item_notes"}) {
            assertThat(partition(table)).as(table).isEqualTo("h store_id");
        }
        assertThat(Pg.one(URL, "select count(distinct colocationid) from pg_dist_partition where logicalrelid in"
                + " ('stores'::regclass, 'products'::regclass, 'orders'::regclass, 'line_items'::regclass,"
                + " 'line_item_notes'::regclass)")).isEqualTo("1");
        assertThat(Pg.keys(URL)).containsAll(StoreMigrationTest.KEYS_AFTER);
        assertThat(Pg.one(URL, "select count(*) from line_items l join orders o"
                + " on o.store_id = l.store_id and o.order_id = l.order_id")).isEqualTo("45");

        Lb.rollbackCount(URL, "changelogs/store-migration.xml", 6);

        assertThat(Pg.one(URL, "select count(*) from pg_dist_partition where logicalrelid in"
                + " ('stores'::regclass, 'orders'::regclass, 'line_items'::regclass)")).isEqualTo("0");
        assertThat(Pg.keys(URL)).containsAll(StoreMigrationTest.KEYS_BEFORE);
    }

    @Test
    void adAnalyticsDistributesReferencesIsolatesAndRollsBack() throws Exception {
        Lb.update(URL, "changelogs/ad-analytics.xml");

        assertThat(partition("companies")).isEqualTo("h id");
        for (String table : new String[] {"campaigns", "ads", "clicks", "impressions"}) {
            assertThat(partition(table)).as(table).isEqualTo("h company_id");
        }
        assertThat(partition("geo_ips")).isEqualTo("n ");
        assertThat(Pg.one(URL, "select count(distinct colocationid) from pg_dist_partition where logicalrelid in"
                + " ('companies'::regclass, 'campaigns'::regclass, 'ads'::regclass, 'clicks'::regclass,"
                + " 'impressions'::regclass)")).isEqualTo("1");
        // company 5 sits alone in its shard: the shard's hash range is that single value
        assertThat(Pg.one(URL, "select shardminvalue::bigint = shardmaxvalue::bigint from pg_dist_shard"
                + " where shardid = get_shard_id_for_distribution_column('companies', 5)")).isEqualTo("t");
        assertThat(Pg.one(URL, "select count(*) from clicks where company_id = 5")).isEqualTo("20");

        Lb.rollbackCount(URL, "changelogs/ad-analytics.xml", 4);

        assertThat(Pg.one(URL, "select to_regclass('public.companies')")).isNull();
    }
}
