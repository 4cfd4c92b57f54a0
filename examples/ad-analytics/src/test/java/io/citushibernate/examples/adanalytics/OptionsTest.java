package io.citushibernate.examples.adanalytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void defaultsToTheEmbeddedDatabaseAndTheTutorialsTenant() {
    Options options = Options.parse(new String[0], Map.of());
    assertThat(options.jdbcUrl()).isNull();
    assertThat(options.tenants()).isEqualTo(100);
    assertThat(options.rowsPerTenant()).isEqualTo(200);
    assertThat(options.tenant()).isEqualTo(5);
  }

  @Test
  void readsBothOptionFormsAndTheEnvironment() {
    Options options = Options.parse(new String[] {"--tenants=3", "--rows-per-tenant", "10", "--user", "u"},
        Map.of("CITUS_URL", "jdbc:postgresql://coordinator/ads"));
    assertThat(options.jdbcUrl()).isEqualTo("jdbc:postgresql://coordinator/ads");
    assertThat(options.tenants()).isEqualTo(3);
    assertThat(options.rowsPerTenant()).isEqualTo(10);
    assertThat(options.user()).isEqualTo("u");
    assertThat(options.tenant()).as("fewer than 5 companies: the first").isEqualTo(1);
    assertThat(Options.parse(new String[] {"--jdbc-url", "jdbc:postgresql://x/y"}, Map.of("CITUS_URL", "z"))
        .jdbcUrl()).isEqualTo("jdbc:postgresql://x/y");
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--tenants", "0"}, Map.of()))
        .hasMessageContaining("--tenants must be at least 1");
    assertThatThrownBy(() -> Options.parse(new String[] {"--tenants", "3", "--tenant", "4"}, Map.of()))
        .hasMessageContaining("--tenant must be a generated company, 1..3");
    assertThatThrownBy(() -> Options.parse(new String[] {"--rows", "3"}, Map.of()))
        .hasMessageContaining("Unknown option --rows");
    assertThatThrownBy(() -> Options.parse(new String[] {"--tenants", "many"}, Map.of()))
        .hasMessageContaining("whole number");
  }

  @Test
  void badArgumentsPrintTheUsageAndExitWithTwo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = AdAnalyticsApp.run(new String[] {"--tenants"}, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Missing value for --tenants", "Usage:");
  }
}
