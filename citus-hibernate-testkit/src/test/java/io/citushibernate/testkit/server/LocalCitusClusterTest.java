package io.citushibernate.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Starts the local cluster's processes from the PostgreSQL in {@code CITUS_PG_BIN}, else the one
 * {@code pg_config} names. Without the citus extension the nodes run plain PostgreSQL: it proves
 * initdb, pg_ctl, ports and cleanup; with it, also that the worker is registered. A worker stopped
 * through {@link ClusterControl} refuses connections and, started again, is back on its port.
 */
class LocalCitusClusterTest {
  @Test
  void startsNodesOnLoopbackPortsAndRemovesThemOnClose() throws SQLException {
    String configured = System.getenv("CITUS_PG_BIN");
    String dir = configured != null && !configured.isBlank() ? configured : PgInstallation.run("pg_config", "--bindir");
    assumeTrue(dir != null && Files.isExecutable(Path.of(dir, "initdb")), "no local PostgreSQL");
    boolean hasCitus = PgInstallation.find(dir, new java.util.ArrayList<>()).isPresent();
    LocalCitusCluster cluster = new LocalCitusCluster(Path.of(dir)).withOsUser(System.getenv("CITUS_PG_USER"))
        .withWorkers(1);
    if (!hasCitus) {
      cluster.withoutCitus();
    }
    cluster.start();
    try {
      assertThat(cluster.description()).contains("coordinator on port", "1 worker(s)");
      try (Connection c = cluster.connect(null); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(hasCitus ? "SELECT count(*) FROM pg_dist_node" : "SELECT 1")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(hasCitus ? 2 : 1);
      }
      ClusterControl control = cluster.clusterControl().orElseThrow();
      assertThat(cluster.jdbcUrl()).contains(":" + control.coordinator().port() + "/");
      ClusterControl.Node worker = control.workers().get(0);
      control.stop(worker);
      assertThatThrownBy(() -> control.connectTo(worker).close()).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> control.stop(worker)).hasMessageContaining("already stopped");
      control.start(worker);
      try (Connection c = control.connectTo(worker); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_setting('port')")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(worker.port());
      }
      if (hasCitus) {
        try (Connection c = cluster.connect(null); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
            "SELECT count(*) FROM run_command_on_workers('SELECT 1') WHERE success")) {
          rs.next();
          assertThat(rs.getInt(1)).as("the coordinator reaches the worker again").isEqualTo(1);
        }
      }
    } finally {
      cluster.close();
    }
    assertThat(cluster.description()).contains("local");
  }
}
