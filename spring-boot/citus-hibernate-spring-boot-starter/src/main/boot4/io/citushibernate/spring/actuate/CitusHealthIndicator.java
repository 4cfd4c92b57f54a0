package io.citushibernate.spring.actuate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code citus} health contributor, for Spring Boot 4 (its health API is in module spring-boot-health, package org.springframework.boot.health.contributor):
 * {@code UP} when every node is active and every table of the mapping is distributed as mapped, and
 * on plain PostgreSQL (detail {@code citus: absent}), where the library runs as well; {@code DOWN}
 * with the problems as details otherwise. The line's only copy of the logic is {@link CitusReport}.
 */
public class CitusHealthIndicator extends AbstractHealthIndicator {
  private final CitusInspector inspector;

  CitusHealthIndicator(CitusInspector inspector) {
    super("Reading Citus' catalog failed");
    this.inspector = inspector;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    CitusReport report = inspector.inspect();
    builder.status(report.healthy() ? Status.UP : Status.DOWN).withDetails(report.healthDetails());
  }
}
