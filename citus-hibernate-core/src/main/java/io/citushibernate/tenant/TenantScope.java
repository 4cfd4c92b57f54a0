package io.citushibernate.tenant;

/**
 * A tenant (or cross-tenant) scope opened on one thread; closing it restores the previous one.
 * Use with try-with-resources.
 */
public final class TenantScope implements AutoCloseable {
  private final TenantState state;
  private final TenantScope previous;
  private final Thread owner;
  private boolean closed;

  TenantScope(TenantState state, TenantScope previous, Thread owner) {
    this.state = state;
    this.previous = previous;
    this.owner = owner;
  }

  /** The tenant of this scope, {@code null} for a cross-tenant scope. */
  public Object tenant() {
    return state.tenant();
  }

  TenantState state() {
    return state;
  }

  TenantScope previous() {
    return previous;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("A tenant scope must be closed on the thread that opened it ("
          + owner.getName() + ")");
    }
    TenantContext.pop(this);
    closed = true;
  }
}
