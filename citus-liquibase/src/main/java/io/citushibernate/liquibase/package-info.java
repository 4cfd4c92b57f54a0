/**
 * citus-liquibase: Citus operations as Liquibase change types (each a {@code Change}, a {@code SqlStatement} and a
 * {@code SqlGenerator}, registered through {@code META-INF/services}), its preconditions, and
 * {@link io.citushibernate.liquibase.TenantSchemaMigrations}, which runs one changelog in every tenant schema of the
 * schema-per-tenant model. Standalone: it builds on citus-sql, not on citus-hibernate-core.
 */
package io.citushibernate.liquibase;
