package io.citushibernate.internal.jdbc;


/**
 * The JDBC layer's cache of tenant binding plans (one per SQL text, shared by the JVM), for tests
 * that watch its size over a long run. It lives in core's package to reach the package-private
 * accessors: the published API has no reason to show the cache.
 */
public final class BindingPlans {
  private BindingPlans() {
  }

  /** How many SQL texts have their plan cached now. */
  public static int cached() {
    return TenantBindingPlans.cached();
  }

  /** How many it keeps at most, give or take what concurrent threads add at once. */
  public static int limit() {
    return TenantBindingPlans.limit();
  }
}
