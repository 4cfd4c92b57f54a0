/**
 * The Citus migration guide as a program: {@link io.citushibernate.examples.storemigration.StoreMigrationApp} runs
 * the steps (the "before" schema and its data, the Liquibase migration, the keys from the catalog, the guide's
 * queries as one store) on the bootstrap of {@code io.citushibernate.examples.support} and the store model of
 * {@code io.citushibernate.fixtures.store}.
 */
package io.citushibernate.examples.storemigration;
