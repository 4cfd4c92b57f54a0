/**
 * The offline Citus DDL script ({@link io.citushibernate.schema.CitusDdl}) for teams that run
 * their migrations with Liquibase or Flyway. The export itself lives in
 * {@code io.citushibernate.internal.schema}. Public API.
 */
package io.citushibernate.schema;
