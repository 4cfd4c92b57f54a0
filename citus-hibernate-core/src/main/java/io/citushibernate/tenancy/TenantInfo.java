package io.citushibernate.tenancy;

/**
 * A tenant of a schema-per-tenant unit, as {@link CitusTenants#list()} finds it.
 *
 * @param tenant the tenant value, of the unit's tenant type
 * @param schema its schema, unquoted
 * @param distributed whether Citus keeps the schema as a distributed schema
 * @param node {@code host:port} of the node holding its tables on Citus, {@code null} elsewhere
 *     (plain PostgreSQL, or a distributed schema with no table yet)
 * @param sizeBytes the size of its tables, indexes and TOAST data, in bytes
 */
public record TenantInfo(Object tenant, String schema, boolean distributed, String node, long sizeBytes) {
}
