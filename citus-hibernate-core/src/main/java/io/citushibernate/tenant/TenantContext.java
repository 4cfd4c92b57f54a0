package io.citushibernate.tenant;

import io.citushibernate.InvalidTenantException;
import io.citushibernate.MissingTenantException;
import io.citushibernate.internal.metrics.CrossTenantScopes;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant the current thread works for.
 *
 * <pre>{@code
 * TenantContext.run(5L, () -> campaigns.findRunning());
 * try (TenantScope scope = TenantContext.open(5L)) { ... }
 * TenantContext.runCrossTenant("nightly billing", () -> ...);
 * }</pre>
 *
 * Scopes nest: closing one restores the one it replaced. Every statement on a tenant table runs
 * for {@link #current()}; with no tenant it is refused, unless it runs in a cross-tenant scope.
 * Values follow {@link TenantType}'s rules: a whole number, a {@code UUID} or a {@code String}. Other threads do not
 * inherit the tenant: use {@link TenantPropagation}.
 */
public final class TenantContext {
  private static final Logger LOG = LoggerFactory.getLogger(TenantContext.class);
  private static final ThreadLocal<TenantScope> TOP = new ThreadLocal<>();

  private TenantContext() {
  }

  /** Sets {@code tenant} for this thread until the returned scope is closed. */
  public static TenantScope open(Object tenant) {
    return push(new TenantState(TenantType.checkValue(tenant), null));
  }

  /**
   * Lifts tenant scoping for deliberate cross-tenant work (administration, analytics) until the
   * returned scope is closed. The reason is logged, and counted by the meters
   * ({@code citus.hibernate.cross.tenant.scopes}, tagged by reason: keep it a fixed text, never a tenant id).
   */
  public static TenantScope openCrossTenant(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A cross-tenant scope needs a reason, for the log and for reviewers");
    }
    LOG.info("Cross-tenant scope opened: {}", reason);
    CrossTenantScopes.opened(reason);
    return push(new TenantState(null, reason));
  }

  /** Runs {@code action} for {@code tenant}. */
  public static void run(Object tenant, Runnable action) {
    TenantScope scope = open(tenant);
    try {
      action.run();
    } finally {
      scope.close();
    }
  }

  /** Computes {@code action} for {@code tenant}. */
  public static <T> T get(Object tenant, Supplier<T> action) {
    TenantScope scope = open(tenant);
    try {
      return action.get();
    } finally {
      scope.close();
    }
  }

  /** Calls {@code action} for {@code tenant}, passing its exception through. */
  public static <T> T call(Object tenant, Callable<T> action) throws Exception {
    TenantScope scope = open(tenant);
    try {
      return action.call();
    } finally {
      scope.close();
    }
  }

  /** Runs {@code action} with tenant scoping lifted; see {@link #openCrossTenant(String)}. */
  public static void runCrossTenant(String reason, Runnable action) {
    TenantScope scope = openCrossTenant(reason);
    try {
      action.run();
    } finally {
      scope.close();
    }
  }

  /** Computes {@code action} with tenant scoping lifted; see {@link #openCrossTenant(String)}. */
  public static <T> T getCrossTenant(String reason, Supplier<T> action) {
    TenantScope scope = openCrossTenant(reason);
    try {
      return action.get();
    } finally {
      scope.close();
    }
  }

  /** The current tenant, empty when none is set or scoping is lifted. */
  public static Optional<Object> current() {
    TenantScope top = TOP.get();
    return top == null ? Optional.empty() : Optional.ofNullable(top.state().tenant());
  }

  /**
   * The current tenant.
   *
   * @throws MissingTenantException when none is set
   */
  public static Object require() {
    return current().orElseThrow(() -> new MissingTenantException(
        "No tenant is set for this thread. Run the code inside TenantContext.run(tenantId, ...) "
            + "or TenantContext.open(tenantId), or inside TenantContext.runCrossTenant(reason, ...) "
            + "for deliberate cross-tenant work."));
  }

  /** Whether tenant scoping is deliberately lifted on this thread. */
  public static boolean isCrossTenant() {
    TenantScope top = TOP.get();
    return top != null && top.state().isCrossTenant();
  }

  /**
   * What this thread works for, as a value to compare: the tenant (whole numbers as {@code Long},
   * so that {@code 1} and {@code 1L} are the same tenant), {@link #CROSS_TENANT}, or {@code null}
   * outside any scope. Sessions, connections and cache keys remember it to tell scopes apart.
   */
  public static Object scope() {
    TenantScope top = TOP.get();
    if (top == null) {
      return null;
    }
    Object tenant = top.state().tenant();
    return tenant == null ? CROSS_TENANT : scopeOf(tenant);
  }

  /** {@code tenant} in {@link #scope()}'s form: whole numbers as {@code Long}, anything else as it is. */
  public static Object scopeOf(Object tenant) {
    return TenantType.normalized(tenant);
  }

  /** The {@link #scope()} of a cross-tenant scope; no tenant value can equal it. */
  public static final Object CROSS_TENANT = Marker.CROSS_TENANT;

  /** An enum, so that the marker survives serialization (cache keys of distributed caches). */
  private enum Marker {
    CROSS_TENANT
  }

  /** What this thread works for now: a tenant, cross-tenant, or nothing ({@code null}). */
  static TenantState state() {
    TenantScope top = TOP.get();
    return top == null ? null : top.state();
  }

  static TenantScope push(TenantState state) {
    TenantScope scope = new TenantScope(state, TOP.get(), Thread.currentThread());
    TOP.set(scope);
    return scope;
  }

  static void pop(TenantScope scope) {
    if (TOP.get() != scope) {
      throw new IllegalStateException("Tenant scopes must be closed in reverse order of opening, "
          + "on the thread that opened them; use try-with-resources");
    }
    if (scope.previous() == null) {
      TOP.remove();
    } else {
      TOP.set(scope.previous());
    }
  }
}
