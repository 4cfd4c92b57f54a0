package io.citushibernate.testkit.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Stops and starts the nodes of the local Citus cluster the testkit runs itself
 * ({@link io.citushibernate.testkit.CitusDatabase.Kind#LOCAL_CITUS}), for tests of what an
 * application sees when a node goes down and comes back. A cluster the testkit does not run (an
 * external one, or one in Docker) offers no control: {@code CitusDatabase.clusterControl()} is
 * then empty and a fault test skips itself.
 *
 * <pre>{@code
 * ClusterControl cluster = db.clusterControl().orElseThrow();
 * ClusterControl.Node worker = cluster.workers().get(0);
 * cluster.stop(worker);   // open sessions on it are cut, their transactions rolled back
 * cluster.start(worker);  // same port: the coordinator's metadata stays valid
 * }</pre>
 *
 * <p>A node comes back on the port it had, so the coordinator's node metadata and the
 * application's JDBC URL stay valid. The JVM's other tests share the cluster: a test that stops a
 * node starts it again in a {@code finally}.
 */
public interface ClusterControl {
  /**
   * A node of the cluster.
   *
   * @param name {@code coordinator}, {@code worker1}, {@code worker2}, ...
   * @param host its loopback address, as the coordinator's metadata names it
   * @param port its port, as the coordinator's metadata names it
   */
  record Node(String name, String host, int port) {
    /** {@code host:port}, as Citus' messages name a node. */
    public String address() {
      return host + ":" + port;
    }
  }

  /** The coordinator, where the application connects. */
  Node coordinator();

  /** The workers, in the order they were added to the cluster. */
  List<Node> workers();

  /**
   * Stops {@code node} with {@code pg_ctl -m fast}: every session on it is cut, its open
   * transactions are rolled back, prepared transactions stay; returns once the server is down.
   * Not {@code -m immediate}: the testkit's servers run with {@code synchronous_commit = off},
   * under which a crash may lose commits already acknowledged, a loss of the test settings rather
   * than of the application under test.
   *
   * @throws IllegalStateException when the node is already stopped or {@code pg_ctl} fails
   */
  void stop(Node node);

  /**
   * Starts {@code node} again on its port and returns once it accepts connections.
   *
   * @throws IllegalStateException when the node is running or {@code pg_ctl} fails
   */
  void start(Node node);

  /** {@link #stop} then {@link #start}. */
  default void restart(Node node) {
    stop(node);
    start(node);
  }

  /** An administrative connection to the {@code postgres} database of {@code node}, past every pool. */
  Connection connectTo(Node node) throws SQLException;
}
