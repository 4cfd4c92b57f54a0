package io.citushibernate.internal.jdbc;

import io.citushibernate.CitusSettings;
import io.citushibernate.tenant.TenantContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The production routing guard of one connection ({@link CitusSettings#ROUTING_GUARD}): keeps
 * Citus' {@code citus.multi_task_query_log_level} at the configured level for tenant work and
 * lifts it ({@code off}) for cross-tenant scopes and citus-hibernate's own work, each time just
 * before a statement is prepared or run.
 *
 * <p>Why it tracks transactions: a {@code SET} is undone when its transaction rolls back. The
 * guard level is set with a session-wide {@code SET}, so a commit keeps it and a rollback brings
 * back the value from before the transaction; a lift inside a transaction is a
 * {@code SET LOCAL}, which ends with the transaction whatever its outcome, so a pooled connection
 * never keeps a lifted guard. In autocommit there is no transaction to end a lift: it is a
 * session-wide {@code SET}, undone before the next tenant statement, before a transaction begins
 * and when the connection is closed. On PostgreSQL without Citus the setting is an unused
 * placeholder.
 */
final class RoutingGuard {
  static final String SETTING = "citus.multi_task_query_log_level";
  static final String LIFTED = "off";

  private final String level;
  /** The value in effect now, as far as this guard knows; {@code null} when unknown. */
  private String current;
  /** The session-wide value once the current transaction ends; {@code null} when unknown. */
  private String session;
  /** The session-wide value the current transaction set, which a commit keeps and a rollback undoes. */
  private String setInTransaction;

  /** A guard at {@code level}, or {@code null} when the guard is off. */
  static RoutingGuard of(String level) {
    return level == null ? null : new RoutingGuard(level);
  }

  private RoutingGuard(String level) {
    this.level = level;
  }

  /** Before a statement on {@code connection}: the guard for tenant work, lifted for {@code libraryWork} and cross-tenant scopes. */
  void beforeStatement(Connection connection, boolean libraryWork) throws SQLException {
    String wanted = libraryWork || TenantContext.isCrossTenant() ? LIFTED : level;
    if (wanted.equals(current)) {
      return;
    }
    if (connection.getAutoCommit()) {
      set(connection, "SET ", wanted);
      session = wanted;
    } else if (wanted.equals(level)) {
      set(connection, "SET ", wanted);
      setInTransaction = wanted;
    } else {
      set(connection, "SET LOCAL ", wanted);
    }
    current = wanted;
  }

  /** Autocommit is about to be switched off: a lift left by autocommit statements must not enter the transaction's session state. */
  void beforeTransactionBegins(Connection connection) throws SQLException {
    restoreOutsideTransaction(connection);
  }

  /** The transaction committed (also when autocommit was switched on inside one). */
  void committed() {
    if (setInTransaction != null) {
      session = setInTransaction;
    }
    setInTransaction = null;
    current = session;
  }

  /** The transaction rolled back: its {@code SET}s are undone. */
  void rolledBack() {
    setInTransaction = null;
    current = session;
  }

  /**
   * Rolled back to a savepoint, which may have undone a {@code SET} after it: set again before the
   * next statement. The session value at the transaction's end is still the guard level or the
   * value from before the transaction, since lifts inside a transaction are all local.
   */
  void rolledBackToSavepoint() {
    current = null;
  }

  /** Before the connection goes back to its pool: the guard in place, unless a transaction is still open (its end undoes local lifts). */
  void beforeClose(Connection connection) throws SQLException {
    restoreOutsideTransaction(connection);
  }

  private void restoreOutsideTransaction(Connection connection) throws SQLException {
    if (LIFTED.equals(session) && !connection.isClosed() && connection.getAutoCommit()) {
      set(connection, "SET ", level);
      session = level;
      current = level;
    }
  }

  private static void set(Connection connection, String command, String value) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(command + SETTING + " TO '" + value + "'");
    }
  }
}
