package io.citushibernate.internal.jdbc;

import io.citushibernate.MissingTenantException;
import io.citushibernate.tenant.TenantContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    if (connection == null || connection instanceof TenantBindingConnection) {
      return connection;
    }
    return new TenantBindingConnection(connection);
  }

  /** Whether connections from {@code provider} bind tenants. */
  public static boolean isInstalled(org.hibernate.engine.jdbc.connections.spi.ConnectionProvider provider) {
    return provider != null && provider.isUnwrappableAs(TenantBindingConnectionProvider.class);
  }

  /** The connection {@link #wrap} wrapped, or {@code connection} itself. */
  public static Connection unwrap(Connection connection) {
    return connection instanceof TenantBindingConnection bound ? bound.target : connection;
  }

  /**
   * How many SQL texts have their plan (or the lack of one) cached; package-private, for the
   * tests that watch the cache's size over a long run (integration-tests'
   * {@code io.citushibernate.internal.jdbc.BindingPlans}).
   */
  static int cachedPlans() {
    return PLANS.size();
  }

  /** The most plans {@link #cachedPlans} keeps, give or take what concurrent threads add at once. */
  static int planCacheLimit() {
    return MAX_PLANS;
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

  /** The current tenant, for a statement whose plan needs one. */
  static Object tenant(String sql) {
    Optional<Object> tenant = TenantContext.current();
    if (tenant.isEmpty()) {
      throw new MissingTenantException("No tenant is set for a statement on tenant tables; it was not sent. "
          + "Run it inside TenantContext.run(tenantId, ...), or in a session opened for the tenant "
          + "(sessionFactory.withOptions().tenantIdentifier(tenantId)): " + TenantBindingPlan.parse(sql).sql());
    }
    return tenant.get();
  }

  /** {@code statement} with {@code tenant} bound to its plan's placeholders; closed if binding fails. */
  static PreparedStatement bound(PreparedStatement statement, TenantBindingPlan plan, Object tenant)
      throws SQLException {
    bind(statement, plan, tenant);
    return new TenantBoundStatement(statement, plan, tenant);
  }

  /**
   * The same for a callable statement. Stored procedure calls on tenant tables are rare, so a
   * dynamic proxy serves them instead of a written-out delegate of CallableStatement's 200 methods.
   */
  static CallableStatement callable(CallableStatement statement, TenantBindingPlan plan, Object tenant)
      throws SQLException {
    bind(statement, plan, tenant);
    return (CallableStatement) Proxy.newProxyInstance(TenantBinding.class.getClassLoader(),
        new Class<?>[] {CallableStatement.class}, new CallableHandler(statement, plan, tenant));
  }

  private static void bind(PreparedStatement statement, TenantBindingPlan plan, Object tenant) throws SQLException {
    try {
      plan.bind(statement, tenant);
    } catch (RuntimeException | SQLException e) {
      try {
        statement.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Shifts parameter indexes past the tenant placeholders (setters, OUT parameter registration
   * and OUT parameter getters alike); re-binds the tenant when cleared.
   */
  private static final class CallableHandler implements InvocationHandler {
    /** The setters that bind a value a tenant column can hold; other setters cannot bind one. */
    private static final java.util.Set<String> CHECKABLE_SETTERS = java.util.Set.of("setBigDecimal", "setByte",
        "setInt", "setLong", "setNString", "setShort", "setString", "setObject", "setNull");

    private final CallableStatement target;
    private final TenantBindingPlan plan;
    private final Object tenant;

    CallableHandler(CallableStatement target, TenantBindingPlan plan, Object tenant) {
      this.target = target;
      this.plan = plan;
      this.tenant = tenant;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      // By-name setters and getters take a String first, so the Integer test tells them apart.
      if (args != null && args[0] instanceof Integer index && indexed(name)) {
        Object[] shifted = args.clone();
        shifted[0] = !name.startsWith("set") ? plan.shift(index)
            : CHECKABLE_SETTERS.contains(name) ? plan.actualIndex(index, name.equals("setNull") ? null : args[1], tenant)
            : plan.actualIndex(index);
        return call(method, shifted);
      }
      if (name.equals("clearParameters")) {
        target.clearParameters();
        plan.bind(target, tenant);
        return null;
      }
      if (name.equals("unwrap") && args != null && ((Class<?>) args[0]).isInstance(target)) {
        return target;
      }
      if (name.equals("equals") && args != null) {
        return proxy == args[0];
      }
      if (name.equals("hashCode") && args == null) {
        return System.identityHashCode(proxy);
      }
      return call(method, args);
    }

    private static boolean indexed(String name) {
      return name.startsWith("set") && !name.equals("setMaxRows") && !name.equals("setFetchSize")
          && !name.equals("setFetchDirection") && !name.equals("setQueryTimeout") && !name.equals("setMaxFieldSize")
          && !name.equals("setLargeMaxRows")
          || name.equals("registerOutParameter") || name.startsWith("get") && !name.equals("getMoreResults");
    }

    private Object call(Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
