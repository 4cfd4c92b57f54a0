/**
 * The tenant the current thread works for ({@code TenantContext}), carrying it to other threads
 * and web requests, and the tenant identifier resolver that gives each Hibernate session its
 * tenant. Public API.
 */
package io.citushibernate.tenant;
