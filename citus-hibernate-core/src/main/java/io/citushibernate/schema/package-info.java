/**
 * Citus-ready schema export: composite keys written when an export starts, the Citus
 * distribution calls, and the offline DDL script for Liquibase and Flyway users.
 */
package io.citushibernate.schema;
