package io.citushibernate.internal.jdbc;

import io.citushibernate.internal.jdbc.delegate.DelegatingCallableStatement;
import java.sql.CallableStatement;
import java.sql.SQLException;

/**
 * {@link TenantBoundStatement} for a stored procedure call: OUT parameters registered and read by
 * index shift past the tenant placeholders as well.
 */
final class TenantBoundCallableStatement extends DelegatingCallableStatement {
  private final BoundTenant tenant;

  TenantBoundCallableStatement(TenantBindingConnection connection, CallableStatement statement, BoundTenant tenant) {
    super(connection, statement);
    this.tenant = tenant;
  }

  @Override
  protected int indexToBind(int parameterIndex, Object value) {
    return tenant.indexToBind(parameterIndex, value);
  }

  @Override
  protected int outParameterIndex(int parameterIndex) {
    return tenant.outParameterIndex(parameterIndex);
  }

  @Override
  public void clearParameters() throws SQLException {
    super.clearParameters();
    tenant.bindAgain(delegate);
  }
}
