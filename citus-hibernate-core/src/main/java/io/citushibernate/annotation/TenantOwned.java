package io.citushibernate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity whose rows belong to one tenant, without naming a tenant column.
 *
 * <p>In schema mode ({@code citus.hibernate.tenancy=schema}) its table, with its secondary and
 * collection tables, lives in each tenant's schema: the tenant is the schema, so no column is
 * needed. Statements on it need a tenant (they are refused unsent without one), and
 * {@code CitusTenants.create} creates its tables in every new tenant schema.
 *
 * <p>The row model needs a tenant column: there an entity with {@code @TenantOwned} and no
 * {@link TenantKey} attribute fails the session factory's boot; add a {@code @TenantKey}
 * attribute, or use {@code citus.hibernate.tenancy=schema}. Together with {@code @TenantKey} it
 * is allowed (and redundant) in both models; with {@link ReferenceTable} it is a mapping error.
 * Subclasses inherit it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TenantOwned {
}
