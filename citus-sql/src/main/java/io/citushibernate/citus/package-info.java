/**
 * The Citus SQL vocabulary shared by citus-hibernate's schema export, its testkit and
 * citus-liquibase: {@link io.citushibernate.citus.SqlQuoting} writes PostgreSQL string literals
 * and identifiers, {@link io.citushibernate.citus.CitusSql} the Citus function calls and the key
 * rewrites Citus needs before it distributes a table.
 *
 * <p>It holds SQL text only: no JDBC, no Hibernate, no Liquibase. Each caller names tables and
 * columns the way its own tool renders them and hands that text in; this package quotes it as the
 * Citus functions take it.
 */
package io.citushibernate.citus;
