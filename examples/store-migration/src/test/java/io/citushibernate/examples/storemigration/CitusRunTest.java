package io.citushibernate.examples.storemigration;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RequiresCitus;
import org.junit.jupiter.api.Test;

/**
 * The example's command line on a real Citus coordinator, wherever the testkit found one (CITUS_TEST_URL, a local
 * Citus installation, Docker), in the test's schema; skipped, with the reason, on plain PostgreSQL. The example drops
 * and recreates its four tables there, so it can run again.
 */
@CitusTest
@RequiresCitus
class CitusRunTest {
  @Test
  void distributesTheTablesCoLocatedByStore(CitusDatabase db) throws Exception {
    String output = StoreMigrationAppTest.run(StoreMigrationAppTest.commandLine(db, "--stores", "3",
        "--orders-per-store", "5"));
    assertThat(output).contains("Citus ", "ran changeset 5-distribute", "Distribution, from citus_tables:")
        .doesNotContain("citus-liquibase: skipped")
        .containsPattern("line_items +\\| distributed +\\| store_id ")
        .contains("li1_0.store_id = '" + SampleData.GUIDE_STORE + "'");
  }
}
