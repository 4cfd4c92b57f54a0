/**
 * Tenant scoping for plain JDBC clients ({@code JdbcTemplate}, {@code JdbcClient}, jOOQ, MyBatis):
 * {@link io.citushibernate.jdbc.TenantScopedDataSource} wraps the application's pool so that
 * every statement on a tenant table is scoped to {@code TenantContext}'s tenant with the same
 * rules as Hibernate's, and fails closed. Built on the internal JDBC layer; a Hibernate session
 * factory on the same wrapped data source is scoped once, by its own statement inspector.
 */
package io.citushibernate.jdbc;
