package io.citushibernate.internal.jdbc.delegate;

import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Stand-ins for a driver's connection and statements, answering nothing but what the JDBC layer's tests ask. */
public final class DriverStub {
  private DriverStub() {
  }

  /** A driver connection whose statements answer it as their connection. */
  public static Connection connection() {
    Connection[] self = new Connection[1];
    self[0] = stub(Connection.class, (name, args) -> switch (name) {
      case "createStatement" -> stub(Statement.class, statementAnswers(self));
      case "prepareStatement" -> stub(PreparedStatement.class, statementAnswers(self));
      case "prepareCall" -> stub(CallableStatement.class, statementAnswers(self));
      default -> null;
    });
    return self[0];
  }

  /** What a stub answers to a call other than the wrapper and identity methods. */
  public interface Answer {
    Object answer(String method, Object[] args) throws SQLException;
  }

  private static Answer statementAnswers(Connection[] connection) {
    return (name, args) -> name.equals("getConnection") ? connection[0] : name.equals("execute") ? Boolean.TRUE : null;
  }

  /** A {@code type} that answers with {@code answer}. */
  public static <T> T stub(Class<T> type, Answer answer) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
        switch (method.getName()) {
          case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : null;
          case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy);
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> answer.answer(method.getName(), args);
        }));
  }
}
