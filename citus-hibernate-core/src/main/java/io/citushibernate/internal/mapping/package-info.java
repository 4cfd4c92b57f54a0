/**
 * What the entity mappings say about tenancy, read once at boot from Hibernate's boot model: the
 * tenant attribute and column of each entity ({@code TenantModel}), the tenant tables the SQL
 * step scopes ({@code TenantTables}), reference tables, and whether ids may repeat across
 * tenants. Every later step reads the {@code TenantModel}.
 */
package io.citushibernate.internal.mapping;
