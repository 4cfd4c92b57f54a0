package io.citushibernate.tenant;

import io.micrometer.context.ThreadLocalAccessor;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Carries the tenant wherever Micrometer's context propagation carries thread-locals: Reactor
 * ({@code Hooks.enableAutomaticContextPropagation()}), Spring's {@code ContextPropagatingTaskDecorator},
 * Micrometer Observation. Registered through {@code META-INF/services}, so it is found whenever
 * {@code io.micrometer:context-propagation} is on the classpath; without it this class is never loaded.
 *
 * <p>The value carried is what the thread works for: a tenant, a cross-tenant scope with its reason,
 * or nothing. Restoring closes the scope that setting opened, so scopes stay nested as
 * {@link TenantContext} requires.
 */
public final class TenantThreadLocalAccessor implements ThreadLocalAccessor<Object> {
  /** The key under which the tenant travels in a {@code ContextSnapshot}. */
  public static final String KEY = "io.citushibernate.tenant";

  private static final ThreadLocal<Deque<TenantScope>> OPENED = ThreadLocal.withInitial(ArrayDeque::new);

  @Override
  public Object key() {
    return KEY;
  }

  @Override
  public Object getValue() {
    return TenantContext.state();
  }

  @Override
  public void setValue(Object value) {
    OPENED.get().push(TenantContext.push((TenantState) value));
  }

  /** A snapshot taken with no tenant clears this thread's: work never runs for the worker's leftover tenant. */
  @Override
  public void setValue() {
    OPENED.get().push(TenantPropagation.enterNone());
  }

  @Override
  public void restore(Object previousValue) {
    closeLastOpened();
  }

  @Override
  public void restore() {
    closeLastOpened();
  }

  private static void closeLastOpened() {
    Deque<TenantScope> opened = OPENED.get();
    TenantScope scope = opened.poll();
    if (scope != null) {
      scope.close();
    }
    if (opened.isEmpty()) {
      OPENED.remove();
    }
  }
}
