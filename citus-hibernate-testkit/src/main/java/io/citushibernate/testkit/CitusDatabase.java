package io.citushibernate.testkit;

import io.citushibernate.testkit.server.ClusterControl;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * The database of one {@link CitusTest} class, or one {@link CitusTestDatabase}: a fresh schema
 * on the best server available, with a pooled, recording {@link DataSource} and, when the test
 * names entities, a {@link SessionFactory} whose tables {@code hbm2ddl} created (and, on Citus,
 * distributed). Inject it as a field or parameter of a {@link CitusTest}.
 */
public interface CitusDatabase {
  /** Where the database runs, best first. */
  enum Kind {
    /** A Citus cluster named by {@code CITUS_TEST_URL}. */
    EXTERNAL_CITUS(true),
    /** A coordinator and two workers the testkit started from a local PostgreSQL with Citus. */
    LOCAL_CITUS(true),
    /** A Citus cluster in Docker containers (Testcontainers). */
    CONTAINER_CITUS(true),
    /** Embedded plain PostgreSQL; routing is checked by the testkit's analyzer. */
    EMBEDDED_POSTGRES(false);

    private final boolean citus;

    Kind(boolean citus) {
      this.citus = citus;
    }

    /** Whether this kind of database runs Citus. */
    public boolean isCitus() {
      return citus;
    }
  }

  /** Where the database runs. */
  Kind kind();

  /** Whether the database runs Citus (routing is then checked by Citus itself). */
  default boolean isCitus() {
    return kind().isCitus();
  }

  /** The server, in words, for test output. */
  String description();

  /** The JDBC URL of the server (the schema is set on each connection). */
  String jdbcUrl();

  /** The schema this database owns; dropped when the test class ends or the database is closed. */
  String schema();

  /** The pooled data source: statements through it are recorded and routing-checked. */
  DataSource dataSource();

  /**
   * The session factory for {@link CitusTest#entities()} or {@link CitusTestDatabase.Builder#entities}.
   *
   * @throws IllegalStateException when no entities were named
   */
  SessionFactory sessionFactory();

  /**
   * The SQL of the statements run through {@link #dataSource()}, in order, each batch entry
   * counting: since the current test began (a {@link CitusTestDatabase}: since it opened), or
   * since the last {@link #clearStatements()}.
   */
  List<String> statements();

  /** Forgets the statements recorded so far. */
  void clearStatements();

  /** Empties every table of the schema in one {@code TRUNCATE ... RESTART IDENTITY CASCADE}. */
  void truncateAll();

  /**
   * Stops and starts the nodes of the cluster, for fault tests: present only on the local Citus
   * cluster the testkit starts itself ({@link Kind#LOCAL_CITUS}); a fault test skips itself where
   * it is empty. The cluster is the JVM's, shared with every other test database.
   */
  Optional<ClusterControl> clusterControl();
}
