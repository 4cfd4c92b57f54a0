package io.citushibernate.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Wraps a data source to record the SQL text of every statement prepared or executed on its
 * connections: what reaches the driver after every inspector ran. Used only to show the SQL of
 * the variants ({@link ShowSql}), never while measuring.
 */
final class RecordingDataSource {
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private final DataSource dataSource;

  RecordingDataSource(DataSource target) {
    this.dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, forward(target, (name, args, result) -> name.equals("getConnection")
            ? connection((Connection) result) : result));
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** The statements recorded since the last call, and forgets them. */
  List<String> drain() {
    List<String> copy = List.copyOf(statements);
    statements.clear();
    return copy;
  }

  private Connection connection(Connection target) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        forward(target, (name, args, result) -> {
          if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
              && args[0] instanceof String sql) {
            statements.add(sql);
          }
          return result;
        }));
  }

  private interface After {
    Object apply(String method, Object[] args, Object result);
  }

  private static InvocationHandler forward(Object target, After after) {
    return (proxy, method, args) -> {
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return after.apply(method.getName(), args, result);
    };
  }
}
