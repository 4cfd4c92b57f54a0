package io.citushibernate.spring.actuate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/** An embedded PostgreSQL without Citus, started once for the tests of this JVM. */
final class PlainPostgres {
  private static EmbeddedPostgres server;

  private PlainPostgres() {
  }

  /** A data source on a fresh database of the server, so that tests do not see each other's tables. */
  static synchronized DataSource freshDatabase(String name) {
    try {
      if (server == null) {
        server = EmbeddedPostgres.start();
        EmbeddedPostgres started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException e) {
            // the JVM ends anyway
          }
        }));
      }
      try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
        s.execute("drop database if exists " + name);
        s.execute("create database " + name);
      }
      return server.getDatabase("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
