package io.citushibernate.internal.jdbc;

import io.citushibernate.tenant.TenantContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The {@code search_path} of one connection in schema-per-tenant mode ({@link SchemaTenancy}):
 * just before each statement it is the current tenant's schema then the shared one, or the shared
 * one alone without a tenant and for citus-hibernate's own work.
 *
 * <p>Why it tracks transactions, as {@link RoutingGuard} does: inside a transaction the path is
 * set with {@code SET LOCAL}, which ends with the transaction whatever its outcome (commit,
 * rollback, failure), so a tenant's schema never outlives it. In autocommit there is no
 * transaction to end it: the path is set session-wide, and put back to the shared schema before a
 * transaction begins and before the connection goes back to its pool.
 */
final class SchemaPath {
  private final SchemaTenancy tenancy;
  /** The path in effect now, as far as this connection knows; {@code null} when unknown. */
  private String current;
  /** The session-wide path this connection set, {@code null} when it set none. */
  private String session;

  /** The path keeper of a connection of {@code tenancy}, or {@code null} in the row model. */
  static SchemaPath of(SchemaTenancy tenancy) {
    return tenancy == null ? null : new SchemaPath(tenancy);
  }

  private SchemaPath(SchemaTenancy tenancy) {
    this.tenancy = tenancy;
  }

  /**
   * Before {@code sql} is prepared or run on {@code connection}: refuses it unsent when it needs a
   * tenant there is none of, then sets the path it runs with.
   */
  void beforeStatement(Connection connection, String sql, boolean libraryWork) throws SQLException {
    Object tenant = null;
    if (!libraryWork) {
      if (sql != null) {
        tenancy.requireTenantFor(sql);
      }
      tenant = TenantContext.current().orElse(null);
    }
    String wanted = tenancy.searchPath(tenant);
    if (wanted.equals(current)) {
      return;
    }
    if (connection.getAutoCommit()) {
      set(connection, "SET ", wanted);
      session = wanted;
    } else {
      set(connection, "SET LOCAL ", wanted);
    }
    current = wanted;
  }

  /** The transaction ended: its {@code SET LOCAL} with it. */
  void transactionEnded() {
    current = session;
  }

  /** Rolled back to a savepoint, which may have undone a {@code SET LOCAL} after it: set again before the next statement. */
  void rolledBackToSavepoint() {
    current = null;
  }

  /** Autocommit is about to be switched off, or the connection to go back to its pool: the shared path again. */
  void restore(Connection connection) throws SQLException {
    String shared = tenancy.sharedPath();
    if (session != null && !session.equals(shared) && !connection.isClosed() && connection.getAutoCommit()) {
      set(connection, "SET ", shared);
      session = shared;
      current = shared;
    }
  }

  private static void set(Connection connection, String command, String path) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(command + "search_path TO " + path);
    }
  }
}
