package io.citushibernate.jdbc;

import io.citushibernate.MissingTenantException;
import io.citushibernate.UnscopableStatementException;
import io.citushibernate.tenant.TenantContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds the tenant into statements whose SQL carries a {@link TenantBindingPlan}: wraps a
 * connection so that {@code prepareStatement} prepares the tenant-independent SQL, binds the
 * current tenant to its placeholders and shifts the application's parameter indexes past them.
 * Statements without a plan pass through untouched.
 */
public final class TenantBinding {
  private static final int MAX_PLANS = 8192;
  private static final ConcurrentHashMap<String, Object> PLANS = new ConcurrentHashMap<>();
  private static final Object NONE = new Object();

  private TenantBinding() {
  }

  /** {@code connection}, binding tenants into the statements it prepares. */
  public static Connection wrap(Connection connection) {
    if (connection == null || Proxy.isProxyClass(connection.getClass())
        && Proxy.getInvocationHandler(connection) instanceof ConnectionHandler) {
      return connection;
    }
    return (Connection) Proxy.newProxyInstance(TenantBinding.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new ConnectionHandler(connection));
  }

  /** Whether connections from {@code provider} bind tenants. */
  public static boolean isInstalled(org.hibernate.engine.jdbc.connections.spi.ConnectionProvider provider) {
    return provider != null && provider.isUnwrappableAs(TenantBindingConnectionProvider.class);
  }

  /** The connection {@link #wrap} wrapped, or {@code connection} itself. */
  public static Connection unwrap(Connection connection) {
    if (connection != null && Proxy.isProxyClass(connection.getClass())
        && Proxy.getInvocationHandler(connection) instanceof ConnectionHandler handler) {
      return handler.target;
    }
    return connection;
  }

  static TenantBindingPlan planOf(String sql) {
    Object cached = PLANS.get(sql);
    if (cached == null) {
      TenantBindingPlan plan = TenantBindingPlan.parse(sql);
      cached = plan == null ? NONE : plan;
      if (PLANS.size() >= MAX_PLANS) {
        Iterator<String> it = PLANS.keySet().iterator();
        for (int i = 0; i < MAX_PLANS / 4 && it.hasNext(); i++) {
          it.next();
          it.remove();
        }
      }
      PLANS.put(sql, cached);
    }
    return cached == NONE ? null : (TenantBindingPlan) cached;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static final class ConnectionHandler implements InvocationHandler {
    private final Connection target;

    ConnectionHandler(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (args != null && args.length > 0 && args[0] instanceof String sql
          && (name.equals("prepareStatement") || name.equals("prepareCall"))) {
        TenantBindingPlan plan = planOf(sql);
        if (plan != null) {
          Object tenant = tenant(sql);
          Object[] actual = args.clone();
          actual[0] = plan.sql();
          PreparedStatement statement = (PreparedStatement) TenantBinding.invoke(target, method, actual);
          plan.bind(statement, tenant);
          return Proxy.newProxyInstance(TenantBinding.class.getClassLoader(), interfacesOf(method.getReturnType()),
              new StatementHandler(statement, plan, tenant));
        }
      } else if (name.equals("createStatement")) {
        Statement statement = (Statement) TenantBinding.invoke(target, method, args);
        return Proxy.newProxyInstance(TenantBinding.class.getClassLoader(), new Class<?>[] {Statement.class},
            new PlainStatementHandler(statement));
      } else if (name.equals("unwrap") && args != null && args[0] == Connection.class) {
        return target;
      } else if (name.equals("equals") && args != null) {
        return proxy == args[0];
      } else if (name.equals("hashCode") && args == null) {
        return System.identityHashCode(proxy);
      }
      return TenantBinding.invoke(target, method, args);
    }

    private static Object tenant(String sql) {
      Optional<Object> tenant = TenantContext.current();
      if (tenant.isEmpty()) {
        throw new MissingTenantException("No tenant is set for a statement prepared for one; it was not sent. "
            + "Run it inside TenantContext.run(tenantId, ...): " + sql);
      }
      return tenant.get();
    }

    private static Class<?>[] interfacesOf(Class<?> returnType) {
      return new Class<?>[] {returnType};
    }
  }

  /** Shifts parameter indexes past the tenant placeholders; re-binds the tenant when cleared. */
  private static final class StatementHandler implements InvocationHandler {
    private final PreparedStatement target;
    private final TenantBindingPlan plan;
    private final Object tenant;

    StatementHandler(PreparedStatement target, TenantBindingPlan plan, Object tenant) {
      this.target = target;
      this.plan = plan;
      this.tenant = tenant;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      // Every PreparedStatement setter takes the int index first; CallableStatement's by-name
      // setters take a String there, so the Integer test alone tells them apart.
      if (args != null && args.length >= 2 && args[0] instanceof Integer index && name.startsWith("set")) {
        Object[] shifted = args.clone();
        shifted[0] = plan.actualIndex(index);
        return TenantBinding.invoke(target, method, shifted);
      }
      if (name.equals("clearParameters")) {
        target.clearParameters();
        plan.bind(target, tenant);
        return null;
      }
      if (name.equals("unwrap") && args != null && (args[0] == PreparedStatement.class || args[0] == Statement.class)) {
        return target;
      }
      if (name.equals("equals") && args != null) {
        return proxy == args[0];
      }
      if (name.equals("hashCode") && args == null) {
        return System.identityHashCode(proxy);
      }
      return TenantBinding.invoke(target, method, args);
    }
  }

  /** Plain statements cannot take parameters: one that carries a tenant plan is refused. */
  private static final class PlainStatementHandler implements InvocationHandler {
    private final Statement target;

    PlainStatementHandler(Statement target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (args != null && args.length > 0 && args[0] instanceof String sql
          && (method.getName().startsWith("execute") || method.getName().equals("addBatch"))
          && planOf(sql) != null) {
        throw new UnscopableStatementException("A statement scoped by bind parameter was sent through a plain "
            + "java.sql.Statement, which cannot bind it; use a PreparedStatement: " + sql);
      }
      if (method.getName().equals("equals") && args != null) {
        return proxy == args[0];
      }
      if (method.getName().equals("hashCode") && args == null) {
        return System.identityHashCode(proxy);
      }
      return TenantBinding.invoke(target, method, args);
    }
  }

}
