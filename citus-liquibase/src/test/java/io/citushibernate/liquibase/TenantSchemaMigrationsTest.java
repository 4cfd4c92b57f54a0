package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.util.List;
import java.util.function.Supplier;

import io.citushibernate.liquibase.TenantMigration.Outcome;
import io.citushibernate.liquibase.TenantSchemaMigrations.OnFailure;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RoutingCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One changelog over three tenant schemas on the testkit's database: each schema gets its own tables, rows and
 * DATABASECHANGELOG, a re-run changes nothing, and a failure in the second schema stops or continues as configured,
 * the report naming every schema's state.
 */
@CitusTest(cleanup = false)
class TenantSchemaMigrationsTest {

    static final String CHANGELOG = "changelogs/tenants/tenant-changelog.xml";
    /** The third name has a hyphen, as UUID tenants' schemas do: it must be quoted everywhere. */
    static final List<String> TENANTS = List.of("lqt_a", "lqt_b", "lqt_c-3");

    private TestSchema db;

    @BeforeEach
    void tenantSchemas(CitusDatabase database) {
        db = TestSchema.emptied(database);
        for (String tenant : TENANTS) {
            db.exec("DROP SCHEMA IF EXISTS \"" + tenant + "\" CASCADE; CREATE SCHEMA \"" + tenant + "\"");
        }
    }

    @Test
    void migratesEverySchemaWithItsOwnTablesRowsAndChangelog() {
        TenantMigrationReport report = run(TenantSchemaMigrations.changelog(CHANGELOG).schemas(TENANTS));

        assertThat(report.tenants()).extracting(TenantMigration::toString).containsExactly(
                "lqt_a: applied 2 changeset(s)", "lqt_b: applied 2 changeset(s)", "lqt_c-3: applied 2 changeset(s)");
        assertThat(report.succeeded()).isTrue();
        for (String tenant : TENANTS) {
            assertThat(columns(tenant)).containsExactly("audit.item_id", "items.id", "items.name", "items.price");
            // the raw SQL ran with the tenant's schema first: each schema holds its own row, naming itself
            assertThat(db.rows("select id || ':' || name || ':' || price from \"" + tenant + "\".items"))
                    .containsExactly("1:" + tenant + ":0");
            assertThat(changelogIds(tenant)).containsExactly("items-1", "items-2");
            // Liquibase's history has no primary key: without a replica identity citus_schema_move could only move
            // the schema with block_writes
            assertThat(db.rows("select relreplident from pg_class where oid = '\"" + tenant
                    + "\".databasechangelog'::regclass")).containsExactly("f");
        }
        // nothing in the connection's own schema
        assertThat(db.columns()).isEmpty();
    }

    @Test
    void aReRunChangesNothing() {
        run(TenantSchemaMigrations.changelog(CHANGELOG).schemas(TENANTS));
        db.exec("update lqt_b.items set name = 'kept'");
        String before = everything();

        TenantMigrationReport again = run(TenantSchemaMigrations.changelog(CHANGELOG).schemasMatching("lqt_.*"));

        assertThat(again.tenants()).extracting(TenantMigration::schema, TenantMigration::outcome).containsExactly(
                tuple("lqt_a", Outcome.UP_TO_DATE),
                tuple("lqt_b", Outcome.UP_TO_DATE),
                tuple("lqt_c-3", Outcome.UP_TO_DATE));
        assertThat(everything()).isEqualTo(before).contains("lqt_b|1:kept");
    }

    @Test
    void aFailureStopsTheRunAndTheReportSaysWhereEachSchemaIs() {
        breakSecondTenant();

        TenantMigrationReport report = run(TenantSchemaMigrations.changelog(CHANGELOG).schemas(TENANTS)
                .onFailure(OnFailure.STOP));

        assertThat(report.tenants()).extracting(TenantMigration::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.FAILED, Outcome.NOT_RUN);
        assertThat(report.tenant("lqt_b").changeSetsApplied()).isEqualTo(1);
        assertThat(report.tenant("lqt_b").failure()).hasStackTraceContaining("audit");
        assertThat(report.tenant("lqt_c-3").toString()).isEqualTo("lqt_c-3: not run (an earlier schema failed)");
        assertFailedSchemaRolledBack();
        assertThat(columns("lqt_c-3")).isEmpty();
        assertThatThrownBy(report::throwIfUnsuccessful).isInstanceOf(TenantMigrationException.class)
                .hasMessageContaining("lqt_a: applied 2 changeset(s)")
                .hasMessageContaining("lqt_b: FAILED after 1 changeset(s)")
                .hasMessageContaining("lqt_c-3: not run");
    }

    @Test
    void aFailureWithContinueMigratesTheRest() {
        breakSecondTenant();

        TenantMigrationReport report = run(TenantSchemaMigrations.changelog(CHANGELOG).schemas(TENANTS)
                .onFailure(OnFailure.CONTINUE));

        assertThat(report.tenants()).extracting(TenantMigration::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.FAILED, Outcome.APPLIED);
        assertThat(report.unsuccessful()).extracting(TenantMigration::schema).containsExactly("lqt_b");
        assertFailedSchemaRolledBack();
        assertThat(columns("lqt_c-3")).containsExactly("audit.item_id", "items.id", "items.name", "items.price");
        assertThat(changelogIds("lqt_c-3")).containsExactly("items-1", "items-2");
    }

    @Test
    void onOneConnectionLeavesItOpenWithItsSearchPathAndAutoCommit() throws Exception {
        try (Connection connection = db.dataSource().getConnection()) {
            String searchPath = searchPath(connection);

            TenantMigrationReport report = RoutingCheck.allowMultiShard(
                    () -> TenantSchemaMigrations.changelog(CHANGELOG).schemas(TENANTS).run(connection));

            assertThat(report.succeeded()).as(report.toString()).isTrue();
            assertThat(connection.isClosed()).isFalse();
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(searchPath(connection)).isEqualTo(searchPath).doesNotContain("lqt_");
        }
        for (String tenant : TENANTS) {
            assertThat(changelogIds(tenant)).containsExactly("items-1", "items-2");
        }
    }

    @Test
    void refusesUnsafeSchemaNamesAndARunWithoutSchemas() {
        assertThatThrownBy(() -> TenantSchemaMigrations.changelog(CHANGELOG).schemas(List.of("lqt_a", "Tenant\"x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Tenant\"x'")
                .hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> TenantSchemaMigrations.changelog(CHANGELOG).schemas(List.of("pg_temp")))
                .hasMessageContaining("reserved pg_ prefix");
        // a pattern matching every schema still leaves PostgreSQL's own out (it would refuse pg_catalog otherwise)
        assertThat(TenantSchemaMigrations.changelog(CHANGELOG).schemasMatching("(pg_|information_).*")
                .run(db.dataSource()).tenants()).isEmpty();
        assertThatThrownBy(() -> TenantSchemaMigrations.changelog(CHANGELOG).run(db.dataSource()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no schemas");
        if (!db.isCitus()) {
            assertThatThrownBy(() -> TenantSchemaMigrations.changelog(CHANGELOG).distributedSchemas()
                    .run(db.dataSource())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("citus extension is not installed");
        }
        for (String tenant : TENANTS) {
            assertThat(columns(tenant)).isEmpty();
        }
    }

    /** The second tenant already has an {@code audit} table: changeset items-2 fails there after adding price. */
    private void breakSecondTenant() {
        db.exec("CREATE TABLE lqt_b.audit (other int)");
    }

    /** items-1 stayed applied in the failed schema; items-2 was rolled back whole (no price column). */
    private void assertFailedSchemaRolledBack() {
        assertThat(columns("lqt_a")).containsExactly("audit.item_id", "items.id", "items.name", "items.price");
        assertThat(columns("lqt_b")).containsExactly("audit.other", "items.id", "items.name");
        assertThat(changelogIds("lqt_b")).containsExactly("items-1");
        assertThat(db.rows("select id || ':' || name from lqt_b.items")).containsExactly("1:lqt_b");
    }

    private TenantMigrationReport run(TenantSchemaMigrations migrations) {
        Supplier<TenantMigrationReport> run = () -> migrations.run(db.dataSource());
        return RoutingCheck.allowMultiShard(run);
    }

    private List<String> columns(String schema) {
        return db.rows("select table_name || '.' || column_name from information_schema.columns"
                + " where table_schema = '" + schema + "' and table_name not like 'databasechangelog%'"
                + " order by table_name, column_name");
    }

    private List<String> changelogIds(String schema) {
        return db.rows("select id from \"" + schema + "\".databasechangelog order by orderexecuted");
    }

    /** Every tenant's columns, rows and changelog bookkeeping, for before/after comparison. */
    private String everything() {
        StringBuilder all = new StringBuilder();
        for (String tenant : TENANTS) {
            all.append(columns(tenant)).append('\n');
            db.rows("select id || ':' || name || ':' || price from \"" + tenant + "\".items")
                    .forEach(row -> all.append(tenant).append('|').append(row).append('\n'));
            db.rows("select id || ' ' || dateexecuted || ' ' || orderexecuted || ' ' || md5sum from \"" + tenant
                    + "\".databasechangelog").forEach(row -> all.append(row).append('\n'));
        }
        return all.toString();
    }

    private static String searchPath(Connection connection) throws Exception {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("show search_path")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
