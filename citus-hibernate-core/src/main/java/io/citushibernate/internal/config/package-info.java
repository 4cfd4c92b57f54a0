/**
 * Reading citus-hibernate's Hibernate properties ({@link io.citushibernate.CitusSettings}): one
 * parser for every property, so each value is accepted or refused the same way wherever it is
 * read. Below every other internal package; no Hibernate types.
 */
package io.citushibernate.internal.config;
