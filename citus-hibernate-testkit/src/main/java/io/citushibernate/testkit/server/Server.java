package io.citushibernate.testkit.server;

import io.citushibernate.testkit.CitusDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * A running PostgreSQL server (a Citus coordinator when {@link #kind()} says so) shared by a JVM's
 * tests; {@link Providers#server()} starts the best one available.
 */
public interface Server extends AutoCloseable {
  /** Which provider runs it. */
  CitusDatabase.Kind kind();

  /** The JDBC URL of the database the tests use. */
  String jdbcUrl();

  /** The user of the tests' connections. */
  String user();

  /** The password, {@code null} when the URL or trust authentication supplies it. */
  String password();

  /** The server, in words, for test output. */
  String description();

  /** A new administrative connection, on {@code schema} when it is not {@code null}. */
  default Connection connect(String schema) throws SQLException {
    Properties p = new Properties();
    if (user() != null) {
      p.setProperty("user", user());
    }
    if (password() != null) {
      p.setProperty("password", password());
    }
    if (schema != null) {
      p.setProperty("currentSchema", schema);
    }
    return DriverManager.getConnection(jdbcUrl(), p);
  }

  /** Control over the nodes, for fault tests: only where the testkit runs the cluster itself. */
  default Optional<ClusterControl> clusterControl() {
    return Optional.empty();
  }

  /** Stops the server if the testkit started it. */
  @Override
  void close();
}
