package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ad-analytics tutorial changelog on plain PostgreSQL: Citus changes skipped (default) or failing (fail mode). */
class AdAnalyticsTest {

    private static final String CHANGELOG = "changelogs/ad-analytics.xml";

    @AfterEach
    void clearProperty() {
        System.clearProperty(Citus.WHEN_MISSING_PROPERTY);
    }

    @Test
    void skipsCitusChangesWithALoggedReasonAndRollsBack() throws Exception {
        String url = Pg.newDatabase();

        Lb.update(url, CHANGELOG);

        assertThat(Pg.rows(url, "select id || ' ' || exectype from databasechangelog order by orderexecuted"))
                .containsExactly("ad-1 EXECUTED", "ad-2 EXECUTED", "ad-3 EXECUTED", "ad-4 EXECUTED");
        assertThat(Lb.lastLog)
                .contains("citus-liquibase: skipped createDistributedTable in changeset"
                        + " changelogs/ad-analytics.xml::ad-3::citus: the citus extension is not installed"
                        + " (citus.liquibase.whenCitusMissing=skip)")
                .contains("citus-liquibase: skipped createReferenceTable in changeset"
                        + " changelogs/ad-analytics.xml::ad-3::citus")
                .contains("citus-liquibase: skipped isolateTenantToNewShard in changeset"
                        + " changelogs/ad-analytics.xml::ad-4::citus");
        // tables and data are there, undistributed (no Citus catalog at all)
        assertThat(Pg.one(url, "select count(*) from clicks where user_data ->> 'is_mobile' = 'true'"))
                .isEqualTo("10");
        assertThat(Pg.one(url, "select to_regclass('pg_dist_partition')")).isNull();

        Lb.rollbackCount(url, CHANGELOG, 4);

        assertThat(Pg.rows(url, "select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_name not like 'databasechangelog%'")).isEmpty();
        assertThat(Pg.rows(url, "select id from databasechangelog")).isEmpty();
    }

    @Test
    void failModeFailsWithAClearMessageBeforeAnythingRuns() throws Exception {
        String url = Pg.newDatabase();
        System.setProperty(Citus.WHEN_MISSING_PROPERTY, "fail");

        assertThatThrownBy(() -> Lb.update(url, CHANGELOG))
                .hasMessageContaining("createDistributedTable in changeset changelogs/ad-analytics.xml::ad-3::citus"
                        + " needs Citus, but the citus extension is not installed in this database and"
                        + " citus.liquibase.whenCitusMissing=fail. Run CREATE EXTENSION citus (on a server with"
                        + " Citus), or set citus.liquibase.whenCitusMissing=skip to skip Citus changes on plain"
                        + " PostgreSQL.");
        // validation rejected the update before the first changeset: not even the tables exist
        assertThat(Pg.one(url, "select to_regclass('public.companies')")).isNull();
    }

    @Test
    void unknownModeIsAValidationError() throws Exception {
        String url = Pg.newDatabase();
        System.setProperty(Citus.WHEN_MISSING_PROPERTY, "ignore");
        assertThatThrownBy(() -> Lb.update(url, CHANGELOG))
                .hasMessageContaining("citus.liquibase.whenCitusMissing is 'ignore'; use skip or fail");
    }

    @Test
    void failModeNeverHalfAppliesAChangesetEvenOutsideATransaction() throws Exception {
        String url = Pg.newDatabase();
        // the changelog sets whenCitusMissing=fail as a changelog property; its changeset has runInTransaction=false
        assertThatThrownBy(() -> Lb.update(url, "changelogs/fail-mode-half-applied.xml"))
                .hasMessageContaining("createDistributedTable in changeset"
                        + " changelogs/fail-mode-half-applied.xml::half-1::citus needs Citus");
        assertThat(Pg.one(url, "select to_regclass('public.half_applied')")).isNull();
    }

    @Test
    void aChangeWithoutInverseSaysSoWhenRolledBack() throws Exception {
        String url = Pg.newDatabase();
        Lb.update(url, "changelogs/no-inverse.xml");
        assertThatThrownBy(() -> Lb.rollbackCount(url, "changelogs/no-inverse.xml", 1))
                .hasMessageContaining("rebalanceShards in changeset changelogs/no-inverse.xml::rebalance::citus has"
                        + " no automatic rollback: a rebalance has no inverse; shards stay where the rebalancer put"
                        + " them. Write a <rollback> block for the changeset (or <rollback/> for none).");
        assertThat(Pg.rows(url, "select id from databasechangelog")).containsExactly("rebalance");
    }
}
