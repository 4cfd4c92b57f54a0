package io.citushibernate.tenant;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Carries the caller's tenant into work that runs on other threads. The tenant is captured when
 * the task is wrapped and set only while it runs, so a pooled thread never keeps it.
 *
 * <pre>{@code
 * ExecutorService pool = TenantPropagation.wrap(Executors.newFixedThreadPool(4));
 * CompletableFuture<Long> n = TenantPropagation.supplyAsync(() -> count(), pool);
 * }</pre>
 */
public final class TenantPropagation {
  private TenantPropagation() {
  }

  /** {@code task} bound to the caller's current tenant. */
  public static Runnable wrap(Runnable task) {
    TenantState captured = TenantContext.state();
    return () -> {
      TenantScope scope = enter(captured);
      try {
        task.run();
      } finally {
        scope.close();
      }
    };
  }

  /** {@code task} bound to the caller's current tenant. */
  public static <T> Callable<T> wrap(Callable<T> task) {
    TenantState captured = TenantContext.state();
    return () -> {
      TenantScope scope = enter(captured);
      try {
        return task.call();
      } finally {
        scope.close();
      }
    };
  }

  /** {@code task} bound to the caller's current tenant. */
  public static <T> Supplier<T> wrapSupplier(Supplier<T> task) {
    TenantState captured = TenantContext.state();
    return () -> {
      TenantScope scope = enter(captured);
      try {
        return task.get();
      } finally {
        scope.close();
      }
    };
  }

  /** An executor whose tasks run with the tenant of the thread that submitted them. */
  public static Executor wrap(Executor executor) {
    return command -> executor.execute(wrap(command));
  }

  /** An executor service whose tasks run with the tenant of the thread that submitted them. */
  public static ExecutorService wrap(ExecutorService executor) {
    return new PropagatingExecutorService(executor);
  }

  /** {@link CompletableFuture#supplyAsync(Supplier, Executor)} with the caller's tenant. */
  public static <T> CompletableFuture<T> supplyAsync(Supplier<T> task, Executor executor) {
    return CompletableFuture.supplyAsync(wrapSupplier(task), executor);
  }

  /** {@link CompletableFuture#runAsync(Runnable, Executor)} with the caller's tenant. */
  public static CompletableFuture<Void> runAsync(Runnable task, Executor executor) {
    return CompletableFuture.runAsync(wrap(task), executor);
  }

  /** Opens the captured state; a task captured with no tenant runs with none, never the worker's. */
  private static TenantScope enter(TenantState captured) {
    return TenantContext.push(captured == null ? NONE : captured);
  }

  private static final TenantState NONE = new TenantState(null, null);

  /** Opens a scope with no tenant: for work whose caller had none. */
  static TenantScope enterNone() {
    return enter(null);
  }

  private static final class PropagatingExecutorService implements ExecutorService {
    private final ExecutorService delegate;

    PropagatingExecutorService(ExecutorService delegate) {
      this.delegate = delegate;
    }

    @Override public void execute(Runnable command) { delegate.execute(wrap(command)); }
    @Override public void shutdown() { delegate.shutdown(); }
    @Override public List<Runnable> shutdownNow() { return delegate.shutdownNow(); }
    @Override public boolean isShutdown() { return delegate.isShutdown(); }
    @Override public boolean isTerminated() { return delegate.isTerminated(); }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
    }

    @Override public <T> Future<T> submit(Callable<T> task) { return delegate.submit(wrap(task)); }
    @Override public <T> Future<T> submit(Runnable task, T result) { return delegate.submit(wrap(task), result); }
    @Override public Future<?> submit(Runnable task) { return delegate.submit(wrap(task)); }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
      return delegate.invokeAll(wrapAll(tasks));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException {
      return delegate.invokeAll(wrapAll(tasks), timeout, unit);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
      return delegate.invokeAny(wrapAll(tasks));
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return delegate.invokeAny(wrapAll(tasks), timeout, unit);
    }

    private static <T> List<Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
      return tasks.stream().map(TenantPropagation::wrap).toList();
    }
  }
}
