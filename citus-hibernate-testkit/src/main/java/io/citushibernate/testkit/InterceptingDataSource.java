package io.citushibernate.testkit;

import io.citushibernate.internal.jdbc.delegate.DelegatingCallableStatement;
import io.citushibernate.internal.jdbc.delegate.DelegatingConnection;
import io.citushibernate.internal.jdbc.delegate.DelegatingDataSource;
import io.citushibernate.internal.jdbc.delegate.DelegatingPreparedStatement;
import io.citushibernate.internal.jdbc.delegate.DelegatingStatement;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A data source whose connections report every statement, with its bound parameters, before it
 * runs (one report per batch entry), and can replace its result sets and failures.
 */
final class InterceptingDataSource extends DelegatingDataSource {
  /** What happens around each statement. */
  interface Interceptor {
    /** Before {@code sql} runs on {@code target}; throwing refuses it. */
    void before(Connection target, String sql, Map<Integer, Object> parameters) throws SQLException;

    /** The exception to throw when {@code sql} failed with {@code failure}. */
    SQLException failed(String sql, Map<Integer, Object> parameters, SQLException failure);

    /** The result set to hand out for {@code sql}. */
    ResultSet results(String sql, ResultSet results) throws SQLException;
  }

  private final Interceptor interceptor;

  InterceptingDataSource(DataSource delegate, Interceptor interceptor) {
    super(delegate);
    this.interceptor = interceptor;
  }

  DataSource delegate() {
    return delegate;
  }

  @Override
  protected Connection wrap(Connection connection) {
    return new DelegatingConnection(connection) {
      @Override
      protected Statement wrap(Statement statement) {
        return new Intercepted(this, statement, new Interception(delegate, null));
      }

      @Override
      protected PreparedStatement wrap(PreparedStatement statement, String sql) {
        return new InterceptedPrepared(this, statement, new Interception(delegate, sql));
      }

      @Override
      protected CallableStatement wrap(CallableStatement statement, String sql) {
        return new InterceptedCallable(this, statement, new Interception(delegate, sql));
      }
    };
  }

  /** One call of the wrapped statement. */
  private interface Execution<T> {
    T run() throws SQLException;
  }

  /** What one statement bound and batched, and the reports around its executions. */
  private final class Interception {
    private final Connection target;
    private final String preparedSql;
    private final Map<Integer, Object> parameters = new TreeMap<>();
    private final List<Map<Integer, Object>> batch = new ArrayList<>();
    private final List<String> sqlBatch = new ArrayList<>();
    private String lastSql;

    Interception(Connection target, String preparedSql) {
      this.target = target;
      this.preparedSql = preparedSql;
    }

    void bound(int index, Object value) {
      parameters.put(index, value);
    }

    void addBatch() {
      batch.add(new TreeMap<>(parameters));
    }

    void clearBatch() {
      batch.clear();
      sqlBatch.clear();
    }

    /** {@code sql}, given as text, run with no parameters. */
    <T> T execute(String sql, Execution<T> execution) throws SQLException {
      return run(sql, Map.of(), execution);
    }

    /** The prepared SQL, run with the parameters bound now. */
    <T> T execute(Execution<T> execution) throws SQLException {
      return run(preparedSql, Collections.unmodifiableMap(new TreeMap<>(parameters)), execution);
    }

    private <T> T run(String sql, Map<Integer, Object> bound, Execution<T> execution) throws SQLException {
      lastSql = sql;
      interceptor.before(target, sql, bound);
      T result = translated(sql, bound, execution);
      @SuppressWarnings("unchecked")
      T results = result instanceof ResultSet rs ? (T) interceptor.results(sql, rs) : result;
      return results;
    }

    /** The batch, reported entry by entry before it runs. */
    <T> T executeBatch(Execution<T> execution) throws SQLException {
      List<Map<Integer, Object>> entries = new ArrayList<>(batch);
      List<String> sqls = new ArrayList<>(sqlBatch);
      clearBatch();
      for (Map<Integer, Object> entry : entries) {
        interceptor.before(target, preparedSql, Collections.unmodifiableMap(entry));
      }
      for (String sql : sqls) {
        interceptor.before(target, sql, Map.of());
      }
      lastSql = preparedSql != null ? preparedSql : sqls.isEmpty() ? null : sqls.get(0);
      return translated(lastSql, entries.isEmpty() ? Map.of() : entries.get(0), execution);
    }

    private <T> T translated(String sql, Map<Integer, Object> bound, Execution<T> execution) throws SQLException {
      try {
        return execution.run();
      } catch (SQLException failure) {
        throw interceptor.failed(sql, bound, failure);
      }
    }

    ResultSet results(ResultSet results) throws SQLException {
      return results == null ? null : interceptor.results(lastSql, results);
    }
  }

  /** A plain statement: the SQL comes with each execution. */
  private static final class Intercepted extends DelegatingStatement<Statement> {
    private final Interception interception;

    Intercepted(DelegatingConnection connection, Statement statement, Interception interception) {
      super(connection, statement);
      this.interception = interception;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
      return interception.execute(sql, () -> super.execute(sql));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
      return interception.execute(sql, () -> super.execute(sql, autoGeneratedKeys));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
      return interception.execute(sql, () -> super.execute(sql, columnIndexes));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
      return interception.execute(sql, () -> super.execute(sql, columnNames));
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
      return interception.execute(sql, () -> super.executeQuery(sql));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
      return interception.execute(sql, () -> super.executeUpdate(sql));
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
      return interception.execute(sql, () -> super.executeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
      return interception.execute(sql, () -> super.executeUpdate(sql, columnIndexes));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
      return interception.execute(sql, () -> super.executeUpdate(sql, columnNames));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
      return interception.execute(sql, () -> super.executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
      return interception.execute(sql, () -> super.executeLargeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
      return interception.execute(sql, () -> super.executeLargeUpdate(sql, columnIndexes));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
      return interception.execute(sql, () -> super.executeLargeUpdate(sql, columnNames));
    }

    @Override
    public void addBatch(String sql) throws SQLException {
      interception.sqlBatch.add(sql);
      super.addBatch(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
      interception.clearBatch();
      super.clearBatch();
    }

    @Override
    public int[] executeBatch() throws SQLException {
      return interception.executeBatch(super::executeBatch);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
      return interception.executeBatch(super::executeLargeBatch);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
      return interception.results(super.getResultSet());
    }
  }

  /**
   * A prepared statement: its SQL, with the parameters bound at each execution. The same
   * overrides as {@link InterceptedCallable}, which cannot inherit them.
   */
  private static final class InterceptedPrepared extends DelegatingPreparedStatement<PreparedStatement> {
    private final Interception interception;

    InterceptedPrepared(DelegatingConnection connection, PreparedStatement statement, Interception interception) {
      super(connection, statement);
      this.interception = interception;
    }

    @Override
    protected int indexToBind(int parameterIndex, Object value) {
      interception.bound(parameterIndex, value);
      return parameterIndex;
    }

    @Override
    public void clearParameters() throws SQLException {
      interception.parameters.clear();
      super.clearParameters();
    }

    @Override
    public void addBatch() throws SQLException {
      interception.addBatch();
      super.addBatch();
    }

    @Override
    public void clearBatch() throws SQLException {
      interception.clearBatch();
      super.clearBatch();
    }

    @Override
    public boolean execute() throws SQLException {
      return interception.execute(super::execute);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
      return interception.execute(super::executeQuery);
    }

    @Override
    public int executeUpdate() throws SQLException {
      return interception.execute(super::executeUpdate);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
      return interception.execute(super::executeLargeUpdate);
    }

    @Override
    public int[] executeBatch() throws SQLException {
      return interception.executeBatch(super::executeBatch);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
      return interception.executeBatch(super::executeLargeBatch);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
      return interception.results(super.getResultSet());
    }
  }

  /** {@link InterceptedPrepared} for a stored procedure call. */
  private static final class InterceptedCallable extends DelegatingCallableStatement {
    private final Interception interception;

    InterceptedCallable(DelegatingConnection connection, CallableStatement statement, Interception interception) {
      super(connection, statement);
      this.interception = interception;
    }

    @Override
    protected int indexToBind(int parameterIndex, Object value) {
      interception.bound(parameterIndex, value);
      return parameterIndex;
    }

    @Override
    public void clearParameters() throws SQLException {
      interception.parameters.clear();
      super.clearParameters();
    }

    @Override
    public void addBatch() throws SQLException {
      interception.addBatch();
      super.addBatch();
    }

    @Override
    public void clearBatch() throws SQLException {
      interception.clearBatch();
      super.clearBatch();
    }

    @Override
    public boolean execute() throws SQLException {
      return interception.execute(super::execute);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
      return interception.execute(super::executeQuery);
    }

    @Override
    public int executeUpdate() throws SQLException {
      return interception.execute(super::executeUpdate);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
      return interception.execute(super::executeLargeUpdate);
    }

    @Override
    public int[] executeBatch() throws SQLException {
      return interception.executeBatch(super::executeBatch);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
      return interception.executeBatch(super::executeLargeBatch);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
      return interception.results(super.getResultSet());
    }
  }
}
