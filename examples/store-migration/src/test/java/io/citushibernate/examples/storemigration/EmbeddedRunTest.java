package io.citushibernate.examples.storemigration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default, zero-setup path: no --jdbc-url, the example starts and stops its own PostgreSQL. */
class EmbeddedRunTest {
  @Test
  void runsEndToEndOnItsOwnPostgres() {
    String output = StoreMigrationAppTest.run(new String[] {"--stores", "2", "--orders-per-store", "3"});
    assertThat(output).startsWith("Starting an embedded PostgreSQL")
        .contains("no citus extension", "PRIMARY KEY (store_id, line_item_id)",
            "== Queries as store " + SampleData.GUIDE_STORE,
            "li1_0.store_id = '" + SampleData.GUIDE_STORE + "'")
        .endsWith("Done.\n");
  }
}
