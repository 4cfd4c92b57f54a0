package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ad-analytics tutorial changelog on the testkit's database. On plain PostgreSQL the Citus changes are skipped
 * (default) or fail (fail mode); on Citus they run, and fail mode has nothing to refuse.
 */
@CitusTest(cleanup = false)
class AdAnalyticsTest {

    private static final String CHANGELOG = "changelogs/ad-analytics.xml";

    private TestSchema schema;

    @BeforeEach
    void emptySchema(CitusDatabase db) {
        schema = TestSchema.emptied(db);
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(Citus.WHEN_MISSING_PROPERTY);
        System.clearProperty(Citus.DEPRECATED_WHEN_MISSING_PROPERTY);
    }

    @Test
    void skipsCitusChangesWithALoggedReasonAndRollsBack() throws Exception {
        Lb.update(schema, CHANGELOG);

        assertThat(schema.rows("select id || ' ' || exectype from databasechangelog order by orderexecuted"))
                .containsExactly("ad-1 EXECUTED", "ad-2 EXECUTED", "ad-3 EXECUTED", "ad-4 EXECUTED");
        if (schema.isCitus()) {
            // nothing to skip: the tables are distributed and co-located, geo_ips is a reference table
            assertThat(Lb.lastLog).doesNotContain("citus-liquibase: skipped");
            assertThat(schema.partition("clicks")).isEqualTo("h company_id");
            assertThat(schema.partition("geo_ips")).isEqualTo("n ");
        } else {
            assertThat(Lb.lastLog)
                    .contains("citus-liquibase: skipped createDistributedTable in changeset"
                            + " changelogs/ad-analytics.xml::ad-3::citus: the citus extension is not installed"
                            + " (citus.liquibase.when_citus_missing=skip)")
                    .contains("citus-liquibase: skipped createReferenceTable in changeset"
                            + " changelogs/ad-analytics.xml::ad-3::citus")
                    .contains("citus-liquibase: skipped isolateTenantToNewShard in changeset"
                            + " changelogs/ad-analytics.xml::ad-4::citus");
            // undistributed: no Citus catalog at all
            assertThat(schema.one("select to_regclass('pg_dist_partition')")).isNull();
        }
        // tables and data are there (one tenant's clicks: a single shard on Citus)
        assertThat(schema.one("select count(*) from clicks where company_id = 5 and user_data ->> 'is_mobile' = 'true'"))
                .isEqualTo("10");

        Lb.rollbackCount(schema, CHANGELOG, 4);

        assertThat(schema.rows("select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_name not like 'databasechangelog%'")).isEmpty();
        assertThat(schema.rows("select id from databasechangelog")).isEmpty();
    }

    @Test
    void failModeFailsWithAClearMessageBeforeAnythingRuns() throws Exception {
        System.setProperty(Citus.WHEN_MISSING_PROPERTY, "fail");

        if (schema.isCitus()) {
            // fail mode refuses to run without Citus only: here every change runs
            Lb.update(schema, CHANGELOG);
            assertThat(schema.partition("companies")).isEqualTo("h id");
            return;
        }
        assertThatThrownBy(() -> Lb.update(schema, CHANGELOG))
                .hasMessageContaining("createDistributedTable in changeset changelogs/ad-analytics.xml::ad-3::citus"
                        + " needs Citus, but the citus extension is not installed in this database and"
                        + " citus.liquibase.when_citus_missing=fail. Run CREATE EXTENSION citus (on a server with"
                        + " Citus), or set citus.liquibase.when_citus_missing=skip to skip Citus changes on plain"
                        + " PostgreSQL.");
        // validation rejected the update before the first changeset: not even the tables exist
        assertThat(schema.one("select to_regclass('companies')")).isNull();
    }

    @Test
    void theDeprecatedPropertyNameStillWorksAndWarnsOnceNamingTheNewOne() throws Exception {
        System.setProperty(Citus.DEPRECATED_WHEN_MISSING_PROPERTY, "fail");
        Citus.resetDeprecationWarning();
        String warning = "citus-liquibase: the property citus.liquibase.whenCitusMissing is deprecated; name it"
                + " citus.liquibase.when_citus_missing";

        if (schema.isCitus()) {
            Lb.update(schema, CHANGELOG);
        } else {
            assertThatThrownBy(() -> Lb.update(schema, CHANGELOG))
                    .hasMessageContaining("needs Citus, but the citus extension is not installed");
            assertThat(schema.one("select to_regclass('companies')")).isNull();
        }
        assertThat(Lb.lastLog.split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);
    }

    @Test
    void unknownModeIsAValidationError() {
        System.setProperty(Citus.WHEN_MISSING_PROPERTY, "ignore");
        assertThatThrownBy(() -> Lb.update(schema, CHANGELOG))
                .hasMessageContaining("citus.liquibase.when_citus_missing is 'ignore'; use skip or fail");
        assertThat(schema.one("select to_regclass('companies')")).isNull();
    }

    @Test
    void failModeNeverHalfAppliesAChangesetEvenOutsideATransaction() throws Exception {
        // the changelog sets when_citus_missing=fail as a changelog property; its changeset has runInTransaction=false
        if (schema.isCitus()) {
            Lb.update(schema, "changelogs/fail-mode-half-applied.xml");
            assertThat(schema.partition("half_applied")).isEqualTo("h id");
            return;
        }
        assertThatThrownBy(() -> Lb.update(schema, "changelogs/fail-mode-half-applied.xml"))
                .hasMessageContaining("createDistributedTable in changeset"
                        + " changelogs/fail-mode-half-applied.xml::half-1::citus needs Citus");
        assertThat(schema.one("select to_regclass('half_applied')")).isNull();
    }

    @Test
    void aChangeWithoutInverseSaysSoWhenRolledBack() throws Exception {
        Lb.update(schema, "changelogs/no-inverse.xml");
        if (schema.isCitus()) {
            // the rebalance really started: let it finish before the next test reshapes the cluster
            schema.exec("SELECT citus_rebalance_wait()");
        }
        assertThatThrownBy(() -> Lb.rollbackCount(schema, "changelogs/no-inverse.xml", 1))
                .hasMessageContaining("rebalanceShards in changeset changelogs/no-inverse.xml::rebalance::citus has"
                        + " no automatic rollback: a rebalance has no inverse; shards stay where the rebalancer put"
                        + " them. Write a <rollback> block for the changeset (or <rollback/> for none).");
        assertThat(schema.rows("select id from databasechangelog")).containsExactly("rebalance");
    }
}
