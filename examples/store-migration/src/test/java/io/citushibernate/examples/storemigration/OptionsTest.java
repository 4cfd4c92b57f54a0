package io.citushibernate.examples.storemigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void defaultsToTheEmbeddedDatabaseAndTheGuidesStore() {
    Options options = Options.parse(new String[0], Map.of());
    assertThat(options.jdbcUrl()).isNull();
    assertThat(options.stores()).isEqualTo(4);
    assertThat(options.ordersPerStore()).isEqualTo(25);
    assertThat(options.storeId()).isEqualTo(SampleData.GUIDE_STORE);
  }

  @Test
  void takesTheUrlFromTheEnvironmentUnlessGiven() {
    assertThat(Options.parse(new String[0], Map.of("CITUS_URL", "jdbc:postgresql://c/db")).jdbcUrl())
        .isEqualTo("jdbc:postgresql://c/db");
    assertThat(Options.parse(new String[] {"--jdbc-url=jdbc:postgresql://x/y"}, Map.of("CITUS_URL", "z")).jdbcUrl())
        .isEqualTo("jdbc:postgresql://x/y");
  }

  @Test
  void acceptsAStoreByNumberOrId() {
    assertThat(Options.parse(new String[] {"--store", "3"}, Map.of()).storeId()).isEqualTo(SampleData.storeId(3));
    assertThat(Options.parse(new String[] {"--store", SampleData.storeId(2).toString()}, Map.of()).store())
        .isEqualTo(2);
  }

  @Test
  void rejectsStoresThatAreNotGenerated() {
    assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] {"--store", "9"}, Map.of()))
        .withMessageContaining("1..4");
    assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(
        new String[] {"--store", "00000000-0000-0000-0000-000000000000"}, Map.of()))
        .withMessageContaining("none of the 4 generated stores");
    assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[] {"--stores", "x"}, Map.of()))
        .withMessageContaining("whole number");
  }

  @Test
  void generatesTheSameDataForTheSameSizes() {
    SampleData a = new SampleData(3, 5);
    SampleData b = new SampleData(3, 5);
    assertThat(a.lineItems()).isEqualTo(b.lineItems());
    assertThat(a.stores()).extracting(SampleData.Store::storeId)
        .containsExactly(SampleData.GUIDE_STORE, SampleData.storeId(2), SampleData.storeId(3));
  }
}
