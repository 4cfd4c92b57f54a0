package io.citushibernate.fuzz;

import io.citushibernate.fuzz.FuzzSchema.Table;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The databases of a fuzzing run: one holding every tenant's rows (on the embedded PostgreSQL, or
 * on a Citus cluster with the tenant tables distributed by their tenant column and the shared ones
 * as reference tables) and, per tenant, one holding only that tenant's rows (always on the
 * embedded PostgreSQL: plain PostgreSQL is the reference answer). Connections run in transactions
 * that each check rolls back, with a statement timeout so that no statement can stall the run.
 */
final class FuzzDatabases implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Differential differential;

  private FuzzDatabases(Connection citus) throws IOException, SQLException {
    postgres = EmbeddedPostgres.builder().start();
    DataSource admin = postgres.getPostgresDatabase();
    Connection all = citus != null ? prepare(citus, null, true) : prepare(create(admin, "fuzz_all"), null, false);
    Map<Integer, Connection> only = new LinkedHashMap<>();
    for (int tenant : FuzzSchema.TENANTS) {
      only.put(tenant, prepare(create(admin, "fuzz_only_" + tenant), tenant, false));
    }
    differential = new Differential(all, only, citus != null);
  }

  /** Every database on one embedded PostgreSQL. */
  static FuzzDatabases embedded() throws IOException, SQLException {
    return new FuzzDatabases(null);
  }

  /**
   * The shared database on Citus, through {@code citus} (whose search path leads to a schema of
   * its own); the one-tenant copies on the embedded PostgreSQL. Statements on the shared database
   * run with {@code citus.multi_task_query_log_level = error}: one that is not routed to a single
   * shard fails.
   */
  static FuzzDatabases onCitus(Connection citus) throws IOException, SQLException {
    return new FuzzDatabases(citus);
  }

  private Connection create(DataSource admin, String name) throws SQLException {
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    return postgres.getDatabase("postgres", name).getConnection();
  }

  private static Connection prepare(Connection connection, Integer onlyTenant, boolean distribute) throws SQLException {
    try (Statement s = connection.createStatement()) {
      if (distribute) {
        s.execute("drop schema if exists audit cascade");
      }
      for (String sql : FuzzSchema.ddl(onlyTenant)) {
        s.execute(sql);
      }
      if (distribute) {
        for (Table table : FuzzSchema.TABLES) {
          s.execute(table.isTenant()
              ? "select create_distributed_table('" + table.ref().replace("'", "''") + "', '" + table.tenantColumn() + "')"
              : "select create_reference_table('" + table.ref() + "')");
        }
      }
      for (String sql : FuzzSchema.data(onlyTenant)) {
        s.execute(sql);
      }
      s.execute("set statement_timeout = '5s'");
      if (distribute) {
        s.execute("set citus.multi_task_query_log_level = 'error'");
      }
    }
    connection.setAutoCommit(false);
    return connection;
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
