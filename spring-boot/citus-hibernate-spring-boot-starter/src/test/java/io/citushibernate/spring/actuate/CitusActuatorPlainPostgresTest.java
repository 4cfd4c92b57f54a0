package io.citushibernate.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.jdbc.TenantScopedDataSource;
import io.citushibernate.spring.actuate.app.ActuatorTestApplication;
import io.citushibernate.tenant.TenantContext;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The endpoint and the health contributor of a JPA application on plain PostgreSQL: the library runs
 * there, so the answer is {@code citus: absent}, UP, and no error.
 */
@SpringBootTest(classes = {ActuatorTestApplication.class, CitusActuatorPlainPostgresTest.Database.class}, properties = {
    "spring.main.web-application-type=none",
    "spring.jpa.hibernate.ddl-auto=create",
    "spring.liquibase.enabled=false",
    "citus.hibernate.routing-guard=error",
    "management.endpoints.web.exposure.include=citus"})
class CitusActuatorPlainPostgresTest {
  @Configuration(proxyBeanMethods = false)
  static class Database {
    @Bean
    DataSource dataSource() {
      return PlainPostgres.freshDatabase("actuator_jpa");
    }
  }

  @Autowired
  ApplicationContext context;

  @Test
  void theEndpointSaysCitusIsAbsentAndNamesTheMappingItWouldCompare() {
    assertThat(context.getBean(DataSource.class)).isInstanceOf(TenantScopedDataSource.class);
    CitusReport report = context.getBean(CitusEndpoint.class).citus();
    assertThat(report.citus()).isEqualTo("absent");
    assertThat(report.version()).isNull();
    assertThat(report.nodes()).isEmpty();
    assertThat(report.tables()).isEmpty();
    assertThat(report.problems()).isEmpty();
    // the session factory's name, where the Hibernate line gives it one
    assertThat(report.mapping()).startsWith("the Hibernate mapping of ").contains("session factory");
  }

  @Test
  void theEndpointAnswersTheSameInsideATenantScope() {
    CitusReport outside = context.getBean(CitusEndpoint.class).citus();
    assertThat(TenantContext.get(7L, () -> context.getBean(CitusEndpoint.class).citus())).isEqualTo(outside);
  }

  @Test
  void theHealthContributorIsUpWithCitusAbsent() {
    var health = context.getBean("citusHealthIndicator", CitusHealthIndicator.class).health();
    assertThat(health.getStatus().getCode()).isEqualTo("UP");
    assertThat(health.getDetails()).containsEntry("citus", "absent")
        .containsEntry("mapping", context.getBean(CitusEndpoint.class).citus().mapping())
        .doesNotContainKey("problems");
  }
}
