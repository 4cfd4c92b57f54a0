/**
 * Schema-per-tenant ({@code citus.hibernate.tenancy=schema}) on a real database: tenants holding
 * the same ids with different values in their own schemas, each answer compared with plain
 * Hibernate on a database holding that tenant's rows alone; connections and pools that never
 * carry a tenant's schema further; statements without a tenant refused unsent; the tenant
 * lifecycle ({@link io.citushibernate.tenancy.CitusTenants}) run twice and after failures; on
 * Citus, distributed schemas placed on one node and moved.
 */
package io.citushibernate.schematenancy;
