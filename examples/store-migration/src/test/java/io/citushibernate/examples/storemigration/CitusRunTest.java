package io.citushibernate.examples.storemigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The example on a real Citus coordinator, when CITUS_TEST_URL names one (a JDBC URL with user and
 * password). The example drops and recreates its four tables there, so it can run again.
 */
class CitusRunTest {
  private static final String URL = System.getenv("CITUS_TEST_URL");

  @Test
  void distributesTheTablesCoLocatedByStore() {
    assumeTrue(URL != null && !URL.isBlank(), "CITUS_TEST_URL is not set: no Citus cluster to run against");
    String output = StoreMigrationAppTest.run(new String[] {"--jdbc-url", URL, "--stores", "3",
        "--orders-per-store", "5"});
    assertThat(output).contains("Citus ", "ran changeset 5-distribute", "Distribution, from citus_tables:")
        .doesNotContain("citus-liquibase: skipped")
        .containsPattern("line_items +\\| distributed +\\| store_id ")
        .contains("li1_0.store_id = '" + SampleData.GUIDE_STORE + "'");
  }
}
