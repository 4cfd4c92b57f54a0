/**
 * Where the test databases run: the servers the testkit can start or reach, and the choice among
 * them, made once per JVM.
 *
 * <p>{@link io.citushibernate.testkit.server.Providers} picks the best server available, in this
 * order: a Citus cluster named by {@code CITUS_TEST_URL}, a local Citus cluster started from an
 * installed PostgreSQL with the citus extension ({@link io.citushibernate.testkit.server.PgInstallation}),
 * a Citus cluster in Docker ({@link io.citushibernate.testkit.server.CitusClusterContainer}), and
 * embedded PostgreSQL. Each is a {@link io.citushibernate.testkit.server.Server}; the testkit's
 * JUnit API ({@code io.citushibernate.testkit}) creates one schema per test database on it.
 *
 * <p>This package knows nothing of schemas, entities or routing; it uses the API package only for
 * {@link io.citushibernate.testkit.CitusDatabase.Kind}, the name of each provider. Users touch
 * {@link io.citushibernate.testkit.server.CitusClusterContainer}, to run a Citus cluster in Docker
 * themselves, and {@link io.citushibernate.testkit.server.ClusterControl}, to stop and start the
 * nodes of the local cluster in fault tests; the providers behind the interface stay
 * package-private.
 */
package io.citushibernate.testkit.server;
