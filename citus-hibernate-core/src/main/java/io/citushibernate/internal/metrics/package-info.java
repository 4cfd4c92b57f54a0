/**
 * citus-hibernate's meters, for applications that have Micrometer. The library's code records
 * through {@link io.citushibernate.internal.metrics.StatementMetrics} and
 * {@link io.citushibernate.internal.metrics.CrossTenantScopes}, which name no Micrometer type;
 * {@link io.citushibernate.internal.metrics.MicrometerMeters} alone imports Micrometer and is loaded
 * only when Micrometer is on the class path ({@link io.citushibernate.internal.metrics.Meters}
 * decides), so the library runs without it. Meters are tagged by session factory and client, never
 * by tenant. Just above {@code internal.config}: the tenant context records cross-tenant scopes here.
 */
package io.citushibernate.internal.metrics;
