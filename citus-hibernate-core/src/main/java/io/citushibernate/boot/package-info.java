/**
 * What an application may name when it wires Hibernate by hand: the tenant identifier resolver
 * citus-hibernate installs by default ({@code hibernate.tenant_identifier_resolver}) and the
 * PostgreSQL dialect it puts in place of Hibernate's ({@code hibernate.dialect}). They depend on
 * the tenant context and Hibernate only. The wiring itself lives in
 * {@code io.citushibernate.internal.boot}. Public API.
 */
package io.citushibernate.boot;
