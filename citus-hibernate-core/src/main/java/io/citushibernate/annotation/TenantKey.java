package io.citushibernate.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the attribute that holds an entity's tenant: the column Citus distributes its table by.
 *
 * <p>Put it on a basic attribute ({@code Long companyId}), on a {@code @ManyToOne} to the tenant
 * entity (its join column becomes the tenant column), or on the {@code @Id} of the tenant entity
 * itself ({@code companies} is distributed by {@code id}). Every statement touching the table is
 * then scoped to the current tenant. Supported Java types: {@code long}, {@code int},
 * {@link java.util.UUID} and {@link String}.
 *
 * <p>Map the column {@code nullable = false, updatable = false}: Citus cannot store a row without
 * its distribution column, nor move a row to another tenant. Other mappings fail at boot.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface TenantKey {
}
