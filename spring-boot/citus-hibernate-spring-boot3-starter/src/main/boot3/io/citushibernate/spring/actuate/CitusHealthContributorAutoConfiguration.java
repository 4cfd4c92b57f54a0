package io.citushibernate.spring.actuate;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code citus} health contributor ({@link CitusHealthIndicator}), for Spring Boot 3 (its health API is in spring-boot-actuator, package org.springframework.boot.actuate.health);
 * off with {@code management.health.citus.enabled=false}.
 */
@AutoConfiguration(after = CitusActuatorAutoConfiguration.class)
@ConditionalOnClass({AbstractHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(CitusInspector.class)
@ConditionalOnEnabledHealthIndicator("citus")
public class CitusHealthContributorAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "citusHealthIndicator")
  CitusHealthIndicator citusHealthIndicator(CitusInspector inspector) {
    return new CitusHealthIndicator(inspector);
  }
}
