/**
 * What the runnable examples share: the command line and {@code main} around their steps
 * ({@link io.citushibernate.examples.support.ExampleMain}), the database they run on (one given, or
 * an embedded PostgreSQL), their Liquibase migration and Hibernate bootstrap, and how they print:
 * a {@link io.citushibernate.examples.support.Report} of psql-style tables and the SQL a recording
 * {@code DataSource} saw.
 */
package io.citushibernate.examples.support;
