/**
 * The benchmark model for Hibernate's own discriminator multi-tenancy: campaigns, ads and clicks on
 * the same tables as the fixtures' ad-analytics model, each with a basic {@code @TenantId Long
 * companyId} (Hibernate cannot mark an association as the tenant), so that
 * {@link io.citushibernate.benchmarks.TenantIdWorkload} runs the workload with Hibernate adding the
 * tenant predicate itself and citus-hibernate off. Only what the workload reads and writes is
 * mapped.
 */
package io.citushibernate.benchmarks.tenantid;
