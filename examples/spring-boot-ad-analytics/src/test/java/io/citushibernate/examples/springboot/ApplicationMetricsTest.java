package io.citushibernate.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.AutoConfigureCitusDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The library's meters in Boot's own {@code MeterRegistry} (Actuator's): a repository query counts
 * as a scoped Hibernate statement, a {@code JdbcTemplate} query as a scoped jdbc one (Hibernate's
 * statements pass the wrapped DataSource without being counted twice), and no tag names the tenant.
 * The same configuration as {@link AdAnalyticsServiceTest}, so Spring's test context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCitusDatabase
class ApplicationMetricsTest {
  private static final long TENANT = 7_341L;

  @Autowired
  MeterRegistry meters;

  @Autowired
  CampaignRepository campaigns;

  @Autowired
  DataSource dataSource;

  @Test
  void bootsRegistryCountsEachClientsStatementsOnceAndNeverByTenant() {
    double hibernate = scoped("hibernate");
    double jdbc = scoped("jdbc");

    long viaJpa = TenantContext.get(TENANT, () -> campaigns.count());
    Long viaJdbc = TenantContext.get(TENANT,
        () -> new JdbcTemplate(dataSource).queryForObject("select count(*) from campaigns", Long.class));

    assertThat(viaJpa).isZero();
    assertThat(viaJdbc).isZero();
    assertThat(scoped("hibernate")).isEqualTo(hibernate + 1);
    assertThat(scoped("jdbc")).isEqualTo(jdbc + 1);
    assertThat(meters.getMeters()).filteredOn(m -> m.getId().getName().startsWith("citus.hibernate."))
        .isNotEmpty()
        .flatExtracting(m -> m.getId().getTags()).extracting(Tag::getValue)
        .noneMatch(value -> value.contains(Long.toString(TENANT)));
  }

  private double scoped(String client) {
    return meters.find("citus.hibernate.statements").tag("client", client).tag("outcome", "scoped").counters()
        .stream().mapToDouble(Counter::count).sum();
  }
}
