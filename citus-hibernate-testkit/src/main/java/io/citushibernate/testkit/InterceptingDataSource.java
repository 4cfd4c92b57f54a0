package io.citushibernate.testkit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections report every statement, with its bound parameters, before it
 * runs (one report per batch entry), and can replace its result sets and failures.
 */
final class InterceptingDataSource implements DataSource {
  /** What happens around each statement. */
  interface Interceptor {
    /** Before {@code sql} runs on {@code target}; throwing refuses it. */
    void before(Connection target, String sql, Map<Integer, Object> parameters) throws SQLException;

    /** The exception to throw when {@code sql} failed with {@code failure}. */
    SQLException failed(String sql, Map<Integer, Object> parameters, SQLException failure);

    /** The result set to hand out for {@code sql}. */
    ResultSet results(String sql, ResultSet results) throws SQLException;
  }

  private final DataSource delegate;
  private final Interceptor interceptor;

  InterceptingDataSource(DataSource delegate, Interceptor interceptor) {
    this.delegate = delegate;
    this.interceptor = interceptor;
  }

  DataSource delegate() {
    return delegate;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return connection(delegate.getConnection(username, password));
  }

  private Connection connection(Connection target) {
    Connection[] self = new Connection[1];
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      Object identity = identity(proxy, method, args);
      if (identity != null) {
        return identity;
      }
      Object result = call(target, method, args);
      if (result instanceof CallableStatement s) {
        return statement(self[0], target, s, CallableStatement.class, (String) args[0]);
      }
      if (result instanceof PreparedStatement s && name.equals("prepareStatement")) {
        return statement(self[0], target, s, PreparedStatement.class, (String) args[0]);
      }
      if (result instanceof Statement s && name.equals("createStatement")) {
        return statement(self[0], target, s, Statement.class, null);
      }
      return result;
    };
    self[0] = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        handler);
    return self[0];
  }

  private <S extends Statement> S statement(Connection connection, Connection target, S statement, Class<S> type,
      String preparedSql) {
    StatementHandler handler = new StatementHandler(connection, target, statement, preparedSql);
    return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
  }

  private final class StatementHandler implements InvocationHandler {
    private final Connection connection;
    private final Connection target;
    private final Statement statement;
    private final String preparedSql;
    private final Map<Integer, Object> parameters = new TreeMap<>();
    private final List<Map<Integer, Object>> batch = new ArrayList<>();
    private final List<String> sqlBatch = new ArrayList<>();
    private String lastSql;

    StatementHandler(Connection connection, Connection target, Statement statement, String preparedSql) {
      this.connection = connection;
      this.target = target;
      this.statement = statement;
      this.preparedSql = preparedSql;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Object identity = identity(proxy, method, args);
      if (identity != null) {
        return identity;
      }
      String name = method.getName();
      int arity = args == null ? 0 : args.length;
      if (preparedSql != null && name.startsWith("set") && arity >= 2 && args[0] instanceof Integer index) {
        parameters.put(index, name.equals("setNull") ? null : args[1]);
      } else if (name.equals("clearParameters")) {
        parameters.clear();
      } else if (name.equals("addBatch")) {
        if (arity == 0) {
          batch.add(new TreeMap<>(parameters));
        } else {
          sqlBatch.add((String) args[0]);
        }
      } else if (name.equals("clearBatch")) {
        batch.clear();
        sqlBatch.clear();
      } else if (name.equals("getConnection")) {
        return connection;
      } else if (name.equals("getResultSet")) {
        ResultSet rs = (ResultSet) call(statement, method, args);
        return rs == null ? null : interceptor.results(lastSql, rs);
      } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
        List<Map<Integer, Object>> entries = new ArrayList<>(batch);
        List<String> sqls = new ArrayList<>(sqlBatch);
        batch.clear();
        sqlBatch.clear();
        for (Map<Integer, Object> entry : entries) {
          interceptor.before(target, preparedSql, Collections.unmodifiableMap(entry));
        }
        for (String sql : sqls) {
          interceptor.before(target, sql, Map.of());
        }
        lastSql = preparedSql != null ? preparedSql : sqls.isEmpty() ? null : sqls.get(0);
        return run(method, args, lastSql, entries.isEmpty() ? Map.of() : entries.get(0));
      } else if (name.startsWith("execute")) {
        String sql;
        Map<Integer, Object> bound;
        if (arity > 0 && args[0] instanceof String s) {
          sql = s;
          bound = Map.of();
        } else {
          sql = preparedSql;
          bound = Collections.unmodifiableMap(new TreeMap<>(parameters));
        }
        lastSql = sql;
        interceptor.before(target, sql, bound);
        Object result = run(method, args, sql, bound);
        return result instanceof ResultSet rs ? interceptor.results(sql, rs) : result;
      }
      return call(statement, method, args);
    }

    private Object run(Method method, Object[] args, String sql, Map<Integer, Object> bound) throws Throwable {
      try {
        return method.invoke(statement, args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof SQLException failure) {
          throw interceptor.failed(sql, bound, failure);
        }
        throw e.getCause();
      }
    }
  }

  private static Object identity(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return args != null && args.length == 1 ? proxy == args[0] : null;
      case "hashCode":
        return method.getParameterCount() == 0 ? System.identityHashCode(proxy) : null;
      default:
        return null;
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate.isWrapperFor(iface);
  }
}
