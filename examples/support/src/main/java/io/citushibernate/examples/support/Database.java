package io.citushibernate.examples.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The database the example works on: a given one (Citus or not), or an embedded PostgreSQL it starts and stops. */
public final class Database implements AutoCloseable {
  private final EmbeddedPostgres embedded;
  private final HikariDataSource pool;
  private final boolean citus;

  private Database(EmbeddedPostgres embedded, HikariDataSource pool) {
    this.embedded = embedded;
    this.pool = pool;
    this.citus = hasCitus(pool);
  }

  /**
   * Connects to {@code options.jdbcUrl()}, or starts an embedded PostgreSQL when there is none.
   *
   * @param pool the connection pool's name, the example's
   */
  public static Database open(ExampleOptions options, Report report, String pool) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(pool);
    // Hibernate's queries run one at a time; the pool is mainly there to reuse connections cheaply.
    config.setMaximumPoolSize(4);
    EmbeddedPostgres embedded = null;
    if (options.jdbcUrl() == null) {
      report.line("Starting an embedded PostgreSQL (pass --jdbc-url or set CITUS_URL to use a Citus coordinator) ...");
      embedded = startEmbedded();
      config.setJdbcUrl(embedded.getJdbcUrl("postgres", "postgres"));
      config.setUsername("postgres");
    } else {
      config.setJdbcUrl(options.jdbcUrl());
      if (options.user() != null) {
        config.setUsername(options.user());
      }
      if (options.password() != null) {
        config.setPassword(options.password());
      }
    }
    Database database;
    try {
      database = new Database(embedded, new HikariDataSource(config));
    } catch (RuntimeException e) {
      stop(embedded);
      throw e;
    }
    report.line("Database: " + config.getJdbcUrl() + " (" + database.version() + ")");
    return database;
  }

  public DataSource dataSource() {
    return pool;
  }

  /** Whether the citus extension is installed, which decides whether the Citus-only steps run. */
  public boolean isCitus() {
    return citus;
  }

  private String version() {
    String sql = citus
        ? "select current_setting('server_version') || ', Citus ' || extversion from pg_extension where extname = 'citus'"
        : "select 'PostgreSQL ' || current_setting('server_version') || ', no citus extension'";
    try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the server version", e);
    }
  }

  private static boolean hasCitus(DataSource dataSource) {
    String sql = "select exists (select 1 from pg_extension where extname = 'citus')";
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getBoolean(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot look for the citus extension", e);
    }
  }

  private static EmbeddedPostgres startEmbedded() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
    }
  }

  private static void stop(EmbeddedPostgres embedded) {
    if (embedded == null) {
      return;
    }
    try {
      embedded.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
    }
  }

  @Override
  public void close() {
    try {
      pool.close();
    } finally {
      stop(embedded);
    }
  }
}
