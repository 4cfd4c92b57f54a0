package io.citushibernate.examples.adanalytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default, zero-setup path: no --jdbc-url, the example starts and stops its own PostgreSQL. */
class EmbeddedRunTest {
  @Test
  void runsEndToEndOnItsOwnPostgres() {
    String output = AdAnalyticsAppTest.run(new String[] {"--tenants", "3", "--rows-per-tenant", "20"});
    assertThat(output).startsWith("Starting an embedded PostgreSQL")
        .contains("no citus extension", "Queries as company 1", "WHERE c1_0.company_id = 1")
        .endsWith("Done." + System.lineSeparator());
  }
}
