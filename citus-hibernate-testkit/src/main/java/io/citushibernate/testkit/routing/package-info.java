/**
 * The routing check on plain PostgreSQL: Citus' router planner rules applied to each statement,
 * independently of citus-hibernate's statement rewriter, so that the testkit verifies the
 * rewriter's output instead of trusting it.
 *
 * <p>Its public face is small: a {@link io.citushibernate.testkit.routing.Catalog} of the
 * distributed, reference and local tables, the
 * {@link io.citushibernate.testkit.routing.RouterAnalyzer} built on it, and the
 * {@link io.citushibernate.testkit.routing.Verdict} it returns for a statement and its parameters.
 * Inside, each statement takes three steps:
 *
 * <ol>
 *   <li>the {@code StatementWalker} reads the parsed statement (JSqlParser) into an
 *       {@code EqualityGraph}: which columns equal which, which values restrictions give them, and
 *       where values cross subquery and outer-join boundaries one way only;
 *   <li>the {@code PinSolver} carries the values along the graph and decides, for each distributed
 *       table, whether its distribution column is pinned to one tenant;
 *   <li>{@code Verdict} sums up: single-shard, multi-shard with the tables to blame, a local table
 *       mixed in, or not a query at all.
 * </ol>
 *
 * <p>This package depends on nothing else in the testkit; the JUnit API ({@code
 * io.citushibernate.testkit}) builds the catalog from the Hibernate mappings and refuses what the
 * verdict calls multi-shard.
 */
package io.citushibernate.testkit.routing;
