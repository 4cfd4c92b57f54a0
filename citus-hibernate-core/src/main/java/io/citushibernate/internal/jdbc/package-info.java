/**
 * The JDBC layer around the application's connection provider: binds the tenant into the
 * statements the sql step left parameterized, and sets Citus' sequential mode for cross-tenant
 * transactions.
 */
package io.citushibernate.internal.jdbc;
