package io.citushibernate.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.spring.boot.CitusHibernateAutoConfiguration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the endpoint and the health contributor are there, on a plain JDBC application (no Hibernate mapping). */
class CitusActuatorAutoConfigurationTest {
  private static final DataSource DATABASE = PlainPostgres.freshDatabase("actuator_jdbc");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CitusHibernateAutoConfiguration.class,
          CitusActuatorAutoConfiguration.class, CitusHealthContributorAutoConfiguration.class));

  @Test
  void theCatalogReadsAreTheLibrarysOwnWorkWhichTheScopingDataSourceLetsPass() {
    // the wrapped DataSource knows no tenant table (no mapping, no Citus catalog): it refuses every statement
    // outside a cross-tenant scope, except citus-hibernate's own catalog work
    runner.withBean(DataSource.class, () -> DATABASE)
        .withPropertyValues("management.endpoints.web.exposure.include=citus")
        .run(context -> {
          CitusReport report = context.getBean(CitusEndpoint.class).citus();
          assertThat(report.citus()).isEqualTo("absent");
          assertThat(report.mapping()).startsWith("none: no Hibernate mapping");
          assertThat(context.getBean(CitusHealthIndicator.class).health().getStatus().getCode()).isEqualTo("UP");
        });
  }

  @Test
  void theEndpointNeedsExposingAndTheHealthContributorCanBeSwitchedOff() {
    runner.withBean(DataSource.class, () -> DATABASE)
        .withPropertyValues("management.health.citus.enabled=false")
        .run(context -> {
          assertThat(context).hasSingleBean(CitusInspector.class);
          assertThat(context).doesNotHaveBean(CitusEndpoint.class);
          assertThat(context).doesNotHaveBean(CitusHealthIndicator.class);
        });
  }

  @Test
  void withoutADataSourceThereIsNothingToReport() {
    runner.withPropertyValues("management.endpoints.web.exposure.include=citus")
        .run(context -> {
          assertThat(context).doesNotHaveBean(CitusInspector.class);
          assertThat(context).doesNotHaveBean(CitusEndpoint.class);
          assertThat(context).doesNotHaveBean(CitusHealthIndicator.class);
        });
  }

  @Test
  void withoutScopingTheMappingIsNotKnownAndTheReportSaysSo() {
    runner.withBean(DataSource.class, () -> DATABASE)
        .withPropertyValues("citus.hibernate.jdbc.scope-data-source=false",
            "management.endpoints.web.exposure.include=citus")
        .run(context -> assertThat(context.getBean(CitusEndpoint.class).citus().mapping())
            .contains("citus.hibernate.jdbc.scope-data-source=false"));
  }
}
