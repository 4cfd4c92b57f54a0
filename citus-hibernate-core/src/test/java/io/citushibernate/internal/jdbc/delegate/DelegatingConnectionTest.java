package io.citushibernate.internal.jdbc.delegate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delegation base: statements answer the wrapping connection, unwrapping finds both layers, hooks see the SQL. */
class DelegatingConnectionTest {
  private static final Connection DRIVER = DriverStub.connection();

  /** Notes the SQL its hooks see. */
  private static final class Recording extends DelegatingConnection {
    final List<String> seen = new ArrayList<>();

    Recording(Connection delegate) {
      super(delegate);
    }

    @Override
    protected String sqlToPrepare(String sql) {
      seen.add("prepare " + sql);
      return sql;
    }

    @Override
    protected String sqlToExecute(String sql) {
      seen.add("execute " + sql);
      return sql;
    }
  }

  @Test
  void everyStatementAnswersTheWrappingConnection() throws SQLException {
    Connection wrapper = new Recording(DRIVER);
    List<Statement> statements = List.of(wrapper.createStatement(), wrapper.createStatement(1003, 1007),
        wrapper.createStatement(1003, 1007, 1), wrapper.prepareStatement("select 1"),
        wrapper.prepareStatement("select 1", Statement.RETURN_GENERATED_KEYS),
        wrapper.prepareStatement("select 1", new int[] {1}), wrapper.prepareStatement("select 1", new String[] {"a"}),
        wrapper.prepareStatement("select 1", 1003, 1007), wrapper.prepareStatement("select 1", 1003, 1007, 1),
        wrapper.prepareCall("{call p()}"), wrapper.prepareCall("{call p()}", 1003, 1007),
        wrapper.prepareCall("{call p()}", 1003, 1007, 1));
    for (Statement statement : statements) {
      assertThat(statement.getConnection()).isSameAs(wrapper);
      assertThat(statement).isInstanceOf(DelegatingStatement.class);
    }
    assertThat(statements.get(3)).isInstanceOf(PreparedStatement.class).isNotInstanceOf(CallableStatement.class);
    assertThat(statements.get(9)).isInstanceOf(CallableStatement.class);
  }

  @Test
  void unwrappingFindsTheWrapperFirstThenTheDriver() throws SQLException {
    Recording wrapper = new Recording(DRIVER);
    assertThat(wrapper.unwrap(Recording.class)).isSameAs(wrapper);
    assertThat(wrapper.unwrap(Connection.class)).isSameAs(wrapper);
    assertThat(wrapper.isWrapperFor(DelegatingConnection.class)).isTrue();
    assertThat(wrapper.isWrapperFor(Runnable.class)).isFalse();
    assertThat(wrapper.delegate.unwrap(Connection.class)).isSameAs(DRIVER);

    PreparedStatement prepared = wrapper.prepareStatement("select 1");
    assertThat(prepared.unwrap(DelegatingPreparedStatement.class)).isSameAs(prepared);
    assertThat(prepared.isWrapperFor(DelegatingStatement.class)).isTrue();
    assertThat(prepared.isWrapperFor(CallableStatement.class)).isFalse();
    CallableStatement callable = wrapper.prepareCall("{call p()}");
    assertThat(callable.unwrap(DelegatingCallableStatement.class)).isSameAs(callable);
    assertThat(((DelegatingCallableStatement) callable).delegate.unwrap(CallableStatement.class))
        .isNotSameAs(callable).isInstanceOf(Proxy.class);
  }

  @Test
  void theHooksSeeThePreparedAndTheExecutedSql() throws SQLException {
    Recording wrapper = new Recording(DRIVER);
    wrapper.prepareStatement("select 1");
    wrapper.prepareCall("{call p()}");
    Statement statement = wrapper.createStatement();
    statement.execute("select 2");
    statement.addBatch("select 3");
    assertThat(wrapper.seen).containsExactly("prepare select 1", "prepare {call p()}", "execute select 2",
        "execute select 3");
  }

  @Test
  void aDataSourceHandsOutItsWrappedConnections() throws SQLException {
    javax.sql.DataSource driver = DriverStub.stub(javax.sql.DataSource.class, (name, args) -> DRIVER);
    DelegatingDataSource dataSource = new DelegatingDataSource(driver) {
      @Override
      protected Connection wrap(Connection connection) {
        return new Recording(connection);
      }
    };
    Connection connection = dataSource.getConnection();
    assertThat(connection).isInstanceOf(Recording.class);
    assertThat(connection.createStatement().getConnection()).isSameAs(connection);
    assertThat(dataSource.unwrap(DelegatingDataSource.class)).isSameAs(dataSource);
    assertThat(dataSource.isWrapperFor(javax.sql.DataSource.class)).isTrue();
  }
}
