/**
 * The tenant the current thread works for ({@code TenantContext}, {@code TenantScope}), carrying
 * it to other threads and web requests ({@code TenantPropagation}, {@code TenantFilter}), and
 * {@code TenantType}: the one set of rules for tenant values and the only way one becomes SQL
 * text, and {@code TenantSchemaNaming}, which names each tenant's schema in schema-per-tenant mode.
 * Public API; imports neither Hibernate nor any later step of the pipeline.
 */
package io.citushibernate.tenant;
