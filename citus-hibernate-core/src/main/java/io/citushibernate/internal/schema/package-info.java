/**
 * Citus-ready schema export: the table layout read from the mapping and the tenant model,
 * composite keys written when an export starts, and the Citus distribution calls (run against
 * the database, or written into a script for {@link io.citushibernate.schema.CitusDdl}); and, for
 * schema-per-tenant, one tenant's tables as DDL and the factories' registry the tenant lifecycle
 * API ({@code io.citushibernate.tenancy}) reads ({@code TenantSchemas}).
 */
package io.citushibernate.internal.schema;
