package io.citushibernate.benchmarks;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.server.Providers;
import io.citushibernate.testkit.server.Server;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database the benchmarks run on: an embedded PostgreSQL 17 (the default), or Citus. Citus is
 * chosen by the environment the testkit reads: {@code CITUS_TEST_URL} (a coordinator's JDBC URL,
 * with {@code CITUS_TEST_USER} / {@code CITUS_TEST_PASSWORD}) or {@code CITUS_PG_BIN} (a PostgreSQL
 * with the citus extension, from which the testkit starts a coordinator and 2 workers on loopback
 * ports; {@code CITUS_PG_USER} is the OS user when run as root). The system property
 * {@value #PROPERTY} ({@code embedded} or {@code citus}) overrides the choice. JMH's forks inherit
 * the environment, so every trial of a run uses the same target.
 */
abstract class DatabaseTarget implements AutoCloseable {
  /** The system property that picks the target. */
  static final String PROPERTY = "citus.bench.target";

  /** {@code embedded} or {@code citus}. */
  abstract String name();

  abstract String jdbcUrl();

  abstract String user();

  abstract String password();

  /** Whether the server is a Citus coordinator: then the tables are distributed. */
  boolean citus() {
    return false;
  }

  /** A new unpooled connection source. */
  DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl());
    ds.setUser(user());
    if (password() != null) {
      ds.setPassword(password());
    }
    return ds;
  }

  @Override
  public abstract void close();

  /** {@code citus} when the property says so or the environment names a Citus cluster, else {@code embedded}. */
  static String selected() {
    String chosen = System.getProperty(PROPERTY);
    if (chosen != null && !chosen.isBlank()) {
      chosen = chosen.trim().toLowerCase(Locale.ROOT);
      if (!chosen.equals("embedded") && !chosen.equals("citus")) {
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + chosen + ": expected embedded or citus");
      }
      return chosen;
    }
    return isSet("CITUS_TEST_URL", "citus.test.url") || isSet("CITUS_PG_BIN", "citus.pg.bin") ? "citus" : "embedded";
  }

  private static boolean isSet(String variable, String property) {
    String p = System.getProperty(property);
    String v = System.getenv(variable);
    return p != null && !p.isBlank() || v != null && !v.isBlank();
  }

  /** Starts (embedded) or reaches (Citus) the selected target. */
  static DatabaseTarget start() {
    return selected().equals("citus") ? startCitus() : startEmbedded();
  }

  private static DatabaseTarget startEmbedded() {
    EmbeddedPostgres server;
    try {
      server = EmbeddedPostgres.builder()
          // a benchmark database: durability off, so commits measure the server's work, not the disk
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("shared_buffers", "256MB")
          .setServerConfig("max_connections", "100")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
    return new DatabaseTarget() {
      @Override
      String name() {
        return "embedded";
      }

      @Override
      String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
      }

      @Override
      String user() {
        return "postgres";
      }

      @Override
      String password() {
        return null;
      }

      @Override
      public void close() {
        try {
          server.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /**
   * The testkit's server for this JVM: its own provider choice, forced to the external cluster or
   * the local one so that a Citus benchmark never quietly runs on something else. The testkit
   * stops a local cluster when the JVM exits, so closing this target leaves it running for the
   * next database of the same JVM.
   */
  private static DatabaseTarget startCitus() {
    boolean external = isSet("CITUS_TEST_URL", "citus.test.url");
    System.setProperty("citus.test.provider", external ? "external" : "local");
    Providers.Choice choice = Providers.current();
    CitusDatabase.Kind expected = external ? CitusDatabase.Kind.EXTERNAL_CITUS : CitusDatabase.Kind.LOCAL_CITUS;
    if (choice.kind() != expected) {
      throw new IllegalStateException("The Citus target needs " + (external ? "CITUS_TEST_URL" : "CITUS_PG_BIN")
          + " to name a reachable Citus installation, but the testkit chose " + choice.summary()
          + "; fix the variable or run with -D" + PROPERTY + "=embedded");
    }
    Server server = Providers.server();
    return new DatabaseTarget() {
      @Override
      String name() {
        return "citus";
      }

      @Override
      String jdbcUrl() {
        return server.jdbcUrl();
      }

      @Override
      String user() {
        return server.user();
      }

      @Override
      String password() {
        return server.password();
      }

      @Override
      boolean citus() {
        return true;
      }

      @Override
      public void close() {
        // the testkit owns the server and stops it at exit
      }
    };
  }

  /**
   * The database in one line, for {@code RESULTS.md}'s header: the server's version and, on
   * Citus, its version, the active worker nodes and the shard count of {@code table}.
   */
  String describe(String table) {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      String version = single(s, "select version()");
      if (!citus()) {
        return version + " (embedded, fsync off)";
      }
      return version + "; Citus " + single(s, "select citus_version()") + "; "
          + single(s, "select count(*) from pg_dist_node where isactive and noderole = 'primary' and shouldhaveshards")
          + " worker node(s) holding shards; " + single(s, "select count(*) from pg_dist_shard where logicalrelid = '"
          + table + "'::regclass") + " shards per distributed table";
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot describe the " + name() + " database: " + e.getMessage(), e);
    }
  }

  static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
