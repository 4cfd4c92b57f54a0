package io.citushibernate.fuzz;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL with a database holding every tenant's rows and, per tenant, a database
 * holding only that tenant's rows. Connections run in transactions that each check rolls back, with
 * a statement timeout so that no generated statement can stall the run.
 */
final class FuzzDatabases implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Differential differential;

  FuzzDatabases() throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    DataSource admin = postgres.getPostgresDatabase();
    Connection all = create(admin, "fuzz_all", null);
    Map<Integer, Connection> only = new LinkedHashMap<>();
    for (int tenant : FuzzSchema.TENANTS) {
      only.put(tenant, create(admin, "fuzz_only_" + tenant, tenant));
    }
    differential = new Differential(all, only);
  }

  private Connection create(DataSource admin, String name, Integer onlyTenant) throws SQLException {
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    Connection connection = postgres.getDatabase("postgres", name).getConnection();
    try (Statement s = connection.createStatement()) {
      for (String sql : concat(FuzzSchema.ddl(onlyTenant), FuzzSchema.data(onlyTenant))) {
        s.execute(sql);
      }
      s.execute("set statement_timeout = '5s'");
    }
    connection.setAutoCommit(false);
    return connection;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  Differential differential() {
    return differential;
  }

  @Override
  public void close() throws SQLException, IOException {
    differential.close();
    postgres.close();
  }
}
