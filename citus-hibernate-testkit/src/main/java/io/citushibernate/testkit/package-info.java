/**
 * The testkit's JUnit 5 API, the part tests touch: {@link io.citushibernate.testkit.CitusTest}
 * gives a test class a real database ({@link io.citushibernate.testkit.CitusDatabase}),
 * {@link io.citushibernate.testkit.CitusTestDatabase} opens one by hand,
 * {@link io.citushibernate.testkit.AutoConfigureCitusDatabase} gives one to a Spring Boot test,
 * {@link io.citushibernate.testkit.RequiresCitus} and {@link io.citushibernate.testkit.AllowMultiShard}
 * adjust a test, {@link io.citushibernate.testkit.RoutingCheck} lifts the single-shard check around
 * a block, and {@link io.citushibernate.testkit.CitusAssertions} counts statements and checks tenant
 * isolation.
 *
 * <p>Behind them, package-private: the database of one test class (a schema on the JVM's server,
 * its pool and session factory), the data source that shows each statement to the routing check
 * before it runs, the watch behind {@code assertTenantIsolated}, the distribution of the tables
 * on Citus, and the Spring test context customizer and JUnit extension behind
 * {@code AutoConfigureCitusDatabase} (Spring is an optional dependency, loaded only by them).
 * {@link io.citushibernate.testkit.MappedCatalogs} is public only for Hibernate's service loader. The server comes from {@code io.citushibernate.testkit.server}, the verdict on each
 * statement from {@code io.citushibernate.testkit.routing}; neither of those knows this package
 * beyond {@link io.citushibernate.testkit.CitusDatabase.Kind}.
 */
package io.citushibernate.testkit;
