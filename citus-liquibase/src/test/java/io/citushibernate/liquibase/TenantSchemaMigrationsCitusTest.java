package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.function.Supplier;

import io.citushibernate.liquibase.TenantMigration.Outcome;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RequiresCitus;
import io.citushibernate.testkit.RoutingCheck;
import org.junit.jupiter.api.Test;

/**
 * Tenant schemas as Citus distributed schemas: the runner finds them in Citus' catalog, each schema's new tables
 * become part of it (one node), and {@code moveSchema} moves one tenant to the other worker with its rows.
 * Skipped, with the reason, where no Citus is available.
 */
@CitusTest(cleanup = false)
@RequiresCitus
class TenantSchemaMigrationsCitusTest {

    static final List<String> TENANTS = List.of("lqc_a", "lqc_b");

    @Test
    void migratesTheDistributedSchemasAndMovesOneWithItsRows(CitusDatabase database) throws Exception {
        TestSchema db = TestSchema.emptied(database);
        for (String tenant : TENANTS) {
            db.exec("DROP SCHEMA IF EXISTS " + tenant + " CASCADE; CREATE SCHEMA " + tenant);
            db.one("select citus_schema_distribute('" + tenant + "')");
        }

        Supplier<TenantMigrationReport> run = () -> TenantSchemaMigrations
                .changelog(TenantSchemaMigrationsTest.CHANGELOG).distributedSchemas().run(db.dataSource());
        TenantMigrationReport report = RoutingCheck.allowMultiShard(run);

        assertThat(report.tenants()).extracting(TenantMigration::schema, TenantMigration::outcome)
                .contains(tuple("lqc_a", Outcome.APPLIED), tuple("lqc_b", Outcome.APPLIED));
        for (String tenant : TENANTS) {
            // created inside a distributed schema: a single-shard table of the schema's colocation group
            assertThat(db.one("select count(*) from pg_dist_partition p join pg_dist_schema s"
                    + " on s.colocationid = p.colocationid where p.logicalrelid = '" + tenant + ".items'::regclass"
                    + " and s.schemaid = '" + tenant + "'::regnamespace")).as(tenant).isEqualTo("1");
            assertThat(db.one("select name from " + tenant + ".items where id = 1")).isEqualTo(tenant);
        }

        String from = nodeOf(db, "lqc_a");
        List<String> others = db.rows("select nodename || ':' || nodeport from pg_dist_node where noderole = 'primary'"
                + " and shouldhaveshards and groupid > 0 and nodename || ':' || nodeport <> '" + from + "'");
        assertThat(others).isNotEmpty();
        String to = others.get(0);
        System.setProperty("move.schema", "lqc_a");
        System.setProperty("move.host", to.substring(0, to.indexOf(':')));
        System.setProperty("move.port", to.substring(to.indexOf(':') + 1));
        try {
            Lb.update(db, "changelogs/tenants/move-schema.xml");
        } finally {
            System.clearProperty("move.schema");
            System.clearProperty("move.host");
            System.clearProperty("move.port");
        }

        assertThat(nodeOf(db, "lqc_a")).isEqualTo(to);
        assertThat(db.one("select name from lqc_a.items where id = 1")).isEqualTo("lqc_a");
    }

    /** Where the schema's items table has its one shard. */
    private static String nodeOf(TestSchema db, String schema) {
        return db.one("select n.nodename || ':' || n.nodeport from pg_dist_shard s"
                + " join pg_dist_placement p using (shardid) join pg_dist_node n using (groupid)"
                + " where s.logicalrelid = '" + schema + ".items'::regclass");
    }
}
