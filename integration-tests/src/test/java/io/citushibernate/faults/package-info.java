/**
 * Faults on a real Citus cluster (issue #20): a worker stopped in the middle of a tenant's
 * transaction and while transactions commit, a connection killed between flush and commit (the
 * application's to the coordinator, the coordinator's to the worker), the coordinator restarted
 * while a pool smaller than its threads is busy, and a tenant's shard moved and isolated while the
 * tenant writes. Each test holds the application to four promises: it gets a clear exception, each
 * transaction is all-or-nothing (Citus' prepared transactions recovered), nothing is written under
 * another tenant, and the same pool serves again once the node is back.
 *
 * <p>The tests stop and start nodes through the testkit's
 * {@link io.citushibernate.testkit.server.ClusterControl}, so they run only on the local cluster
 * the testkit starts ({@code CITUS_PG_BIN}); everywhere else (CI) they skip. What each fault did is
 * written to {@code target/faults-report.txt}.
 */
package io.citushibernate.faults;
