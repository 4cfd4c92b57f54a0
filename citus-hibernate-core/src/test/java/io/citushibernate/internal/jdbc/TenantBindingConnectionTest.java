package io.citushibernate.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.internal.jdbc.delegate.DriverStub;
import io.citushibernate.tenant.TenantType;
import io.citushibernate.tenant.TenantContext;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tenant binding connection's statements, with a plan or without, answer it as their connection. */
class TenantBindingConnectionTest {
  private static final String SCOPED = "select 1 where company_id = ? "
      + TenantBindingPlan.marker(TenantType.LONG, new int[] {1}, new int[0]);

  @Test
  void everyStatementAnswersTheTenantBindingConnection() throws Exception {
    Connection driver = DriverStub.connection();
    Connection wrapped = TenantBinding.wrap(driver);
    List<Statement> statements = TenantContext.call(1L, () -> List.of(wrapped.createStatement(),
        wrapped.prepareStatement("select 1"), wrapped.prepareStatement(SCOPED), wrapped.prepareCall("{call p()}"),
        wrapped.prepareCall(SCOPED)));
    for (Statement statement : statements) {
      assertThat(statement.getConnection()).isSameAs(wrapped);
    }
    assertThat(statements.get(2)).isInstanceOf(TenantBoundStatement.class);
    assertThat(statements.get(4)).isInstanceOf(TenantBoundCallableStatement.class).isInstanceOf(CallableStatement.class);
    assertThat(statements.get(2).unwrap(TenantBoundStatement.class)).isSameAs(statements.get(2));
    assertThat(statements.get(2).unwrap(PreparedStatement.class)).isSameAs(statements.get(2));
    assertThat(wrapped.unwrap(Connection.class)).isSameAs(wrapped);
    assertThat(TenantBinding.unwrap(wrapped)).isSameAs(driver);
  }

  @Test
  void theBoundStatementsShiftTheApplicationsParametersPastTheTenant() throws Exception {
    String sql = "select 1 where id = ? and company_id = ? and id < ? "
        + TenantBindingPlan.marker(TenantType.LONG, new int[] {2}, new int[0]);
    Connection wrapped = TenantBinding.wrap(DriverStub.connection());
    try (CallableStatement call = TenantContext.call(1L, () -> wrapped.prepareCall(sql))) {
      TenantBoundCallableStatement bound = (TenantBoundCallableStatement) call;
      assertThat(bound.indexToBind(1, 5L)).isEqualTo(1);
      assertThat(bound.indexToBind(2, 5L)).isEqualTo(3);
      assertThat(bound.outParameterIndex(2)).isEqualTo(3);
    }
  }
}
