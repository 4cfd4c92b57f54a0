package io.citushibernate.examples.support;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source in front of the pool that notes the SQL text of each statement prepared or executed
 * while {@link #record} runs. Hibernate hands it the SQL after citus-hibernate's rewrite, so this is
 * what the database really received, tenant predicate included.
 */
public final class SqlRecorder implements DataSource {
  private final DataSource delegate;
  private List<String> recording;

  public SqlRecorder(DataSource delegate) {
    this.delegate = delegate;
  }

  /** A result together with the statements that produced it. */
  public record Traced<T>(T result, List<String> sql) {
  }

  /** Runs {@code work} and returns its result with the SQL sent meanwhile. Not for concurrent use. */
  public synchronized <T> Traced<T> record(Supplier<T> work) {
    recording = new ArrayList<>();
    try {
      T result = work.get();
      return new Traced<>(result, List.copyOf(recording));
    } finally {
      recording = null;
    }
  }

  private synchronized void note(String sql) {
    if (recording != null) {
      recording.add(sql);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  private Connection wrap(Connection connection) {
    return proxy(Connection.class, connection, (method, args, result) -> {
      String name = method.getName();
      if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args[0] instanceof String sql) {
        note(sql);
      }
      if (name.equals("createStatement") && result instanceof Statement statement) {
        return proxy(Statement.class, statement, (m, a, r) -> {
          if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql) {
            note(sql);
          }
          return r;
        });
      }
      return result;
    });
  }

  /** What to do after a proxied call returned {@code result}; returns what the caller gets. */
  private interface AfterCall {
    Object apply(Method method, Object[] args, Object result);
  }

  private static <T> T proxy(Class<T> type, T target, AfterCall after) {
    InvocationHandler handler = (proxy, method, args) -> {
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return after.apply(method, args, result);
    };
    return type.cast(Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] {type}, handler));
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
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
