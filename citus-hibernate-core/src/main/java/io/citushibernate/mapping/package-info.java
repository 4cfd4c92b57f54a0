/**
 * What the entity mappings say about tenancy, read once at boot from Hibernate's boot model: the
 * tenant attribute and column of each entity, reference tables, and whether ids may repeat across
 * tenants. First step of the pipeline; every later step reads the {@code TenantModel}.
 */
package io.citushibernate.mapping;
