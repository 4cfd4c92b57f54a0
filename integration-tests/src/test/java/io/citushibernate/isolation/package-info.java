/**
 * Tenant isolation on a real database under pressure: a randomized concurrent workload
 * ({@link io.citushibernate.isolation.IsolationWorkload}) run once and as a soak, shared caches,
 * reused connections, faults and hostile tenant values; each test checks that no row of another
 * tenant is read or written.
 */
package io.citushibernate.isolation;
