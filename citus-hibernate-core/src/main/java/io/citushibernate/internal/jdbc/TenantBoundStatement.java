package io.citushibernate.internal.jdbc;

import io.citushibernate.internal.jdbc.delegate.DelegatingPreparedStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A prepared statement with the tenant bound to its tenant placeholders: the application's
 * parameter indexes are shifted past them, and {@code clearParameters} binds the tenant again. A
 * parameter the statement writes into a tenant column must be bound to the current tenant.
 */
final class TenantBoundStatement extends DelegatingPreparedStatement<PreparedStatement> {
  private final BoundTenant tenant;

  TenantBoundStatement(TenantBindingConnection connection, PreparedStatement statement, BoundTenant tenant) {
    super(connection, statement);
    this.tenant = tenant;
  }

  @Override
  protected int indexToBind(int parameterIndex, Object value) {
    return tenant.indexToBind(parameterIndex, value);
  }

  @Override
  public void clearParameters() throws SQLException {
    super.clearParameters();
    tenant.bindAgain(delegate);
  }
}
