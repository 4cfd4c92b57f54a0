package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The citus preconditions on plain PostgreSQL: they fail with the reason, and onFail decides what happens. */
class PreconditionTest {

    @Test
    void preconditionsFailWithoutCitusAndMarkRanWorks() throws Exception {
        String url = Pg.newDatabase();
        Lb.update(url, "changelogs/preconditions.xml");
        assertThat(Pg.rows(url, "select id || ' ' || exectype from databasechangelog order by orderexecuted"))
                .containsExactly("create EXECUTED", "only-on-citus MARK_RAN", "only-if-distributed MARK_RAN",
                        "only-if-isolated MARK_RAN");
        // the guarded changesets did not run
        assertThat(Pg.one(url, "select count(*) from orders")).isEqualTo("0");
        assertThat(Lb.lastLog).contains("the citus extension is not installed");
    }

    @Test
    void haltReportsTheReason() throws Exception {
        String url = Pg.newDatabase();
        assertThatThrownBy(() -> Lb.update(url, "changelogs/preconditions-halt.xml"))
                .hasMessageContaining("the citus extension is not installed");
    }
}
