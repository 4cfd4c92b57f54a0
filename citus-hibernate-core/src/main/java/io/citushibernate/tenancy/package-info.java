/**
 * Schema-per-tenant ({@code citus.hibernate.tenancy=schema}) from plain Java: the tenant
 * lifecycle ({@link io.citushibernate.tenancy.CitusTenants}: create, list, move, drop) and work
 * per tenant over a list of tenants. Public API, on top of the internal schema step; nothing in
 * the library imports it.
 */
package io.citushibernate.tenancy;
