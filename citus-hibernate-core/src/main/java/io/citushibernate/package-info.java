/**
 * citus-hibernate: multi-tenant Hibernate/JPA applications on Citus. This package holds the
 * vocabulary every other package shares: the typed exceptions every refusal raises (all
 * {@link io.citushibernate.CitusHibernateException}s) and the names of the settings
 * ({@link io.citushibernate.CitusSettings}).
 *
 * <p>Public API: this package, {@code annotation}, {@code tenant}, {@code boot}, {@code schema},
 * {@code jdbc} and {@code tenancy}. Everything under {@code io.citushibernate.internal} may change in any release.
 * The pipeline, each step importing only the steps before it (pinned by an ArchUnit test):
 * {@code annotation} and this package → {@code internal.config} → {@code internal.metrics} → {@code tenant} →
 * {@code boot} (what an application names in Hibernate's settings) →
 * {@code internal.mapping} → {@code internal.sql} → {@code internal.jdbc} →
 * {@code internal.event} → {@code internal.schema} and {@code schema} → {@code internal.cache} →
 * {@code internal.boot} (wiring only). {@code jdbc}, the data source wrapper for plain JDBC
 * clients, stands beside that pipeline on {@code internal.jdbc}; so does {@code tenancy}, the tenant
 * lifecycle of schema-per-tenant, on {@code internal.schema}.
 */
package io.citushibernate;
