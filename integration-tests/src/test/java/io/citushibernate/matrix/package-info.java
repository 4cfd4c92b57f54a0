/**
 * The differential mapping matrix: for every mapping shape, operation and second-level-cache
 * setting, what citus-hibernate answers for one tenant on a schema shared by three tenants (holding
 * the same ids with different values) must equal what plain Hibernate answers on a schema holding
 * only that tenant's rows, and no other tenant's rows may change. Cells that fail today are listed
 * in {@link io.citushibernate.matrix.KnownFailures}, and must keep failing until they are removed.
 */
package io.citushibernate.matrix;
