/**
 * citus-hibernate's Micrometer meters for Hibernate's statements, counted in a registry of the
 * test's own on data whose ids repeat across tenants.
 */
package io.citushibernate.metrics;
