/**
 * Scoping SQL to a tenant: parses each statement once (JSqlParser), adds the tenant predicate to
 * every tenant-table reference, translates upserts Citus cannot route, joins tenant tables on the
 * tenant column in cross-tenant scopes, and caches the result as a template per SQL text.
 */
package io.citushibernate.internal.sql;
