package io.citushibernate.internal.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/**
 * The binding plan of each SQL text (or that it carries none), parsed once and shared by the JVM.
 * Bounded, because applications that build SQL texts from data would grow it without end.
 */
final class TenantBindingPlans {
  private static final int MAX_PLANS = 8192;
  /** Maintenance on the caller's thread, so that the size stays within the bound as it is read. */
  private static final Cache<String, Optional<TenantBindingPlan>> PLANS = Caffeine.newBuilder()
      .maximumSize(MAX_PLANS).executor(Runnable::run).build();

  private TenantBindingPlans() {
  }

  /** The plan {@code sql} carries, or {@code null}. */
  static TenantBindingPlan planOf(String sql) {
    return PLANS.get(sql, text -> Optional.ofNullable(TenantBindingPlan.parse(text))).orElse(null);
  }

  /** How many SQL texts have their plan (or the lack of one) cached. */
  static int cached() {
    PLANS.cleanUp();
    return (int) PLANS.estimatedSize();
  }

  /** The most plans {@link #cached} keeps, give or take what concurrent threads add at once. */
  static int limit() {
    return MAX_PLANS;
  }
}
