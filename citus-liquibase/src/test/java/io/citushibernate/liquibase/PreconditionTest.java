package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The citus preconditions: on plain PostgreSQL they fail with the reason, and onFail decides what happens; on Citus
 * citusInstalled holds, while a table nobody distributed still fails tableIsDistributed and tenantIsIsolated.
 */
@CitusTest(cleanup = false)
class PreconditionTest {

    private TestSchema schema;

    @BeforeEach
    void emptySchema(CitusDatabase db) {
        schema = TestSchema.emptied(db);
    }

    @Test
    void preconditionsFailWithoutCitusAndMarkRanWorks() throws Exception {
        Lb.update(schema, "changelogs/preconditions.xml");
        if (schema.isCitus()) {
            assertThat(schema.rows("select id || ' ' || exectype from databasechangelog order by orderexecuted"))
                    .containsExactly("create EXECUTED", "only-on-citus EXECUTED", "only-if-distributed MARK_RAN",
                            "only-if-isolated MARK_RAN");
            // only the changeset guarded by citusInstalled ran: orders is a plain table here
            assertThat(schema.rows("select store_id || ',' || order_id from orders")).containsExactly("1,1");
            assertThat(Lb.lastLog).doesNotContain("the citus extension is not installed");
            return;
        }
        assertThat(schema.rows("select id || ' ' || exectype from databasechangelog order by orderexecuted"))
                .containsExactly("create EXECUTED", "only-on-citus MARK_RAN", "only-if-distributed MARK_RAN",
                        "only-if-isolated MARK_RAN");
        // the guarded changesets did not run
        assertThat(schema.one("select count(*) from orders")).isEqualTo("0");
        assertThat(Lb.lastLog).contains("the citus extension is not installed");
    }

    @Test
    void haltReportsTheReason() throws Exception {
        if (schema.isCitus()) {
            // citusInstalled holds: nothing to halt for
            Lb.update(schema, "changelogs/preconditions-halt.xml");
            assertThat(schema.rows("select id || ' ' || exectype from databasechangelog"))
                    .containsExactly("needs-citus EXECUTED");
            return;
        }
        assertThatThrownBy(() -> Lb.update(schema, "changelogs/preconditions-halt.xml"))
                .hasMessageContaining("the citus extension is not installed");
    }
}
