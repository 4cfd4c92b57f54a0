/**
 * The JDBC layer: around the application's connection provider it binds the tenant into the
 * statements the sql step left parameterized, sets Citus' sequential mode for cross-tenant
 * transactions and keeps the routing guard; in schema-per-tenant mode it runs each statement in its
 * tenant's schema ({@code SchemaTenancy}, {@code SchemaPath}) and refuses those on tenant tables
 * without a tenant; under {@code io.citushibernate.jdbc}'s data source
 * it also scopes the statements of plain JDBC clients with the sql step's rules. Its logger
 * {@code io.citushibernate.SQL} shows the SQL as it is sent.
 */
package io.citushibernate.internal.jdbc;
