/**
 * The annotations an application puts on its entities: {@code @TenantKey} (the tenant column),
 * {@code @TenantOwned} (rows of one tenant without a column, schema mode), {@code @ReferenceTable}
 * (shared by all tenants) and {@code @DistributedTable} (colocation).
 */
package io.citushibernate.annotation;
