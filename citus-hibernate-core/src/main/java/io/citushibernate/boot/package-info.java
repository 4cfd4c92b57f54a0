/**
 * Where citus-hibernate meets Hibernate: the integrator (found through {@code META-INF/services}),
 * its settings, the statement inspector, the tenant-scoped cache region factory, the session
 * coordinator hook and the Citus dialect. Last step of the pipeline.
 */
package io.citushibernate.boot;
