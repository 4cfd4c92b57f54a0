package io.citushibernate.internal.jdbc;

import io.citushibernate.UnscopableStatementException;
import io.citushibernate.internal.jdbc.delegate.DelegatingConnection;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A connection whose {@code prepareStatement} and {@code prepareCall} bind the current tenant into
 * statements that carry a {@link TenantBindingPlan}, and whose statements refuse such SQL given as
 * text, which they cannot bind. Runs the transactions of cross-tenant scopes sequentially
 * ({@link CrossTenantModifyMode}). Everything else is the delegation base's.
 */
final class TenantBindingConnection extends DelegatingConnection {
  private final CrossTenantModifyMode modifyMode = new CrossTenantModifyMode();

  TenantBindingConnection(Connection target) {
    super(target);
  }

  /** The driver's connection. */
  Connection target() {
    return delegate;
  }

  /** The plan's SQL, once the statement is known to have a tenant: without one, nothing is prepared. */
  @Override
  protected String sqlToPrepare(String sql) throws SQLException {
    modifyMode.beforeStatement(delegate);
    TenantBindingPlan plan = TenantBindingPlans.planOf(sql);
    if (plan == null) {
      return sql;
    }
    BoundTenant.of(plan);
    return plan.sql();
  }

  @Override
  protected String sqlToExecute(String sql) {
    if (sql != null && TenantBindingPlans.planOf(sql) != null) {
      throw new UnscopableStatementException("A statement scoped by bind parameter was sent through a plain "
          + "java.sql.Statement, which cannot bind it; use a PreparedStatement: " + sql);
    }
    return sql;
  }

  @Override
  protected PreparedStatement wrap(PreparedStatement statement, String sql) throws SQLException {
    BoundTenant tenant = BoundTenant.of(sql);
    return tenant == null ? super.wrap(statement, sql)
        : new TenantBoundStatement(this, tenant.bindInto(statement), tenant);
  }

  @Override
  protected CallableStatement wrap(CallableStatement statement, String sql) throws SQLException {
    BoundTenant tenant = BoundTenant.of(sql);
    return tenant == null ? super.wrap(statement, sql)
        : new TenantBoundCallableStatement(this, tenant.bindInto(statement), tenant);
  }

  @Override
  public void commit() throws SQLException {
    super.commit();
    modifyMode.transactionEnded();
  }

  @Override
  public void rollback() throws SQLException {
    super.rollback();
    modifyMode.transactionEnded();
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    super.rollback(savepoint);
    modifyMode.transactionEnded();
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    super.setAutoCommit(autoCommit);
    modifyMode.transactionEnded();
  }
}
