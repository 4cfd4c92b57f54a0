package io.citushibernate.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source that records the SQL text of every statement sent through it. */
public final class RecordingDataSource implements DataSource {
  private final DataSource delegate;
  private final List<String> statements = new ArrayList<>();

  public RecordingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** Statements sent since the last {@link #clear()}, in order. */
  public synchronized List<String> statements() {
    return List.copyOf(statements);
  }

  public synchronized void clear() {
    statements.clear();
  }

  private synchronized void record(String sql) {
    statements.add(sql);
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
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
          && args[0] instanceof String sql) {
        record(sql);
      }
      Object result;
      try {
        result = method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (name.equals("createStatement") && result instanceof java.sql.Statement statement) {
        return wrapStatement(statement);
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private java.sql.Statement wrapStatement(java.sql.Statement statement) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
        record(sql);
      }
      try {
        return method.invoke(statement, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (java.sql.Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {java.sql.Statement.class}, handler);
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
