package io.citushibernate.internal.jdbc;

import io.citushibernate.tenant.TenantContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the transactions of cross-tenant scopes in Citus's sequential multi-shard mode, once per
 * transaction of one connection, before its first cross-tenant statement.
 *
 * <p>Why: a cross-tenant statement on a distributed table usually spans shards, and Citus runs
 * it over several connections per worker (parallel mode). After that, Citus refuses to write a
 * reference table that distributed tables have foreign keys to, in the same transaction ("cannot
 * execute DML on table ... because there was a parallel DML access to distributed table", also
 * "cannot modify table ... because there was a parallel operation" after a multi-shard read):
 * removing a reference row whose ON DELETE cascade reaches tenant tables, or a bulk update
 * followed by a reference-table write. {@code SET LOCAL citus.multi_shard_modify_mode TO
 * 'sequential'} is Citus's remedy, and it only helps when set before the first parallel
 * statement, which only the connection can guarantee. Tenant-scoped statements go to one shard
 * and are not affected. On PostgreSQL without Citus the setting is an unused placeholder.
 */
final class CrossTenantModifyMode {
  static final String SEQUENTIAL = "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'";

  /** Whether the current transaction of the connection already runs sequentially. */
  private boolean sequential;

  /** Before a statement is prepared on {@code connection}: switches a cross-tenant transaction to sequential. */
  void beforeStatement(Connection connection) throws SQLException {
    if (sequential || !TenantContext.isCrossTenant() || connection.getAutoCommit()) {
      return; // in autocommit each statement is its own transaction, with nothing before it
    }
    try (Statement s = connection.createStatement()) {
      s.execute(SEQUENTIAL);
    }
    sequential = true;
  }

  /**
   * The transaction ended (commit, rollback, autocommit switched), or rolled back to a savepoint,
   * which may have undone the setting: set it again before the next cross-tenant statement.
   */
  void transactionEnded() {
    sequential = false;
  }
}
