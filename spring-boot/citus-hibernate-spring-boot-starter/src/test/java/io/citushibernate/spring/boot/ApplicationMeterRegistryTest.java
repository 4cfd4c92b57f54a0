package io.citushibernate.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.CitusSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/** The application's MeterRegistry bean reaches the library: the wrapped DataSource's meters and Hibernate's settings. */
class ApplicationMeterRegistryTest {
  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CitusHibernateAutoConfiguration.class))
      .withBean("meterRegistry", MeterRegistry.class, SimpleMeterRegistry::new)
      .withBean("dataSource", DataSource.class, SimpleDriverDataSource::new);

  @Test
  void theWrappedDataSourceRecordsInTheApplicationsRegistry() {
    context.run(app -> {
      MeterRegistry registry = app.getBean(MeterRegistry.class);
      assertThat(registry.find("citus.hibernate.statements").meters()).isNotEmpty()
          .allSatisfy(m -> assertThat(m.getId().getTags()).contains(Tag.of("client", "jdbc")));
      assertThat(registry.find("citus.hibernate.statements.refused").tag("reason", "missing-tenant").counter())
          .isNotNull();
    });
  }

  @Test
  void hibernateIsGivenTheApplicationsRegistry() {
    context.run(app -> {
      LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
      app.getBean(HibernateSettingsPostProcessor.class).postProcessBeforeInitialization(factory, "entityManagerFactory");
      assertThat(factory.getJpaPropertyMap()).containsEntry(CitusSettings.METER_REGISTRY, app.getBean(MeterRegistry.class));
    });
  }

  @Test
  void withoutARegistryBeanNothingIsHandedOn() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CitusHibernateAutoConfiguration.class))
        .run(app -> {
          LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
          app.getBean(HibernateSettingsPostProcessor.class).postProcessBeforeInitialization(factory, "emf");
          assertThat(factory.getJpaPropertyMap()).doesNotContainKey(CitusSettings.METER_REGISTRY);
        });
  }

  @Test
  void metricsCanBeTurnedOffInApplicationProperties() {
    context.withPropertyValues("citus.hibernate.metrics=false").run(app -> assertThat(
        app.getBean(MeterRegistry.class).find("citus.hibernate.statements").meters()).isEmpty());
  }
}
