/**
 * The Citus multi-tenant tutorial as a program: {@link io.citushibernate.examples.adanalytics.AdAnalyticsApp} runs
 * the steps (schema, COPY of the fixtures' generated data, the tutorial's queries as one tenant, isolating the
 * largest tenant) on the bootstrap of {@code io.citushibernate.examples.support} and the ad-analytics model of
 * {@code io.citushibernate.fixtures.adanalytics}.
 */
package io.citushibernate.examples.adanalytics;
