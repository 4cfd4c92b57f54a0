package io.citushibernate.spring.task;

import io.citushibernate.tenant.TenantPropagation;
import org.springframework.core.task.TaskDecorator;

/**
 * Runs each task submitted to a Spring executor ({@code @Async}, {@code ThreadPoolTaskExecutor},
 * Spring MVC's async requests) in the tenant of the thread that submitted it; a task submitted with
 * no tenant runs with none, never with a tenant left on the worker. Composes with another decorator:
 * that one decorates first, this one runs outermost.
 */
public final class TenantTaskDecorator implements TaskDecorator {
  private final TaskDecorator next;

  /** Only the tenant. */
  public TenantTaskDecorator() {
    this(null);
  }

  /** The tenant around whatever {@code next} does (MDC, security context, ...). */
  public TenantTaskDecorator(TaskDecorator next) {
    this.next = next;
  }

  @Override
  public Runnable decorate(Runnable runnable) {
    return TenantPropagation.wrap(next == null ? runnable : next.decorate(runnable));
  }
}
