package io.citushibernate.spring.actuate;

import io.citushibernate.spring.boot.CitusHibernateAutoConfiguration;
import javax.sql.DataSource;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * The {@code citus} endpoint, when Actuator is on the classpath and the application has one
 * {@code DataSource}; the health contributor of each Boot line builds on its {@link CitusInspector}.
 * Boot's DataSource auto-configuration is named by class name: it moved package in Boot 4.
 */
@AutoConfiguration(after = CitusHibernateAutoConfiguration.class, afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnSingleCandidate(DataSource.class)
public class CitusActuatorAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CitusInspector citusInspector(DataSource dataSource) {
    return new CitusInspector(dataSource);
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  CitusEndpoint citusEndpoint(CitusInspector inspector) {
    return new CitusEndpoint(inspector);
  }
}
