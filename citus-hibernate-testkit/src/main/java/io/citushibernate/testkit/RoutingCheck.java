package io.citushibernate.testkit;

import java.util.function.Supplier;

/**
 * The single-shard routing check of {@link CitusTest}: while a test runs, every statement on a
 * distributed table must be routable to one shard. On Citus, {@code citus.multi_task_query_log_level
 * = 'error'} makes the database refuse the others; on plain PostgreSQL the testkit applies the
 * router planner's rules to each statement and refuses it with the same effect, naming the
 * statement and the table that is not pinned to a tenant.
 *
 * <p>Deliberate multi-tenant work (analytics, administration) opts out per block, here, or per
 * test with {@link AllowMultiShard}. Statements run inside citus-hibernate's
 * {@code TenantContext.runCrossTenant(reason, ...)} are deliberate by construction and pass too.
 */
public final class RoutingCheck {
  private static final ThreadLocal<int[]> ALLOWED = ThreadLocal.withInitial(() -> new int[1]);

  private RoutingCheck() {
  }

  /** Runs {@code action} with multi-shard statements allowed on this thread. */
  public static void allowMultiShard(Runnable action) {
    allowMultiShard(() -> {
      action.run();
      return null;
    });
  }

  /** Computes {@code action} with multi-shard statements allowed on this thread. */
  public static <T> T allowMultiShard(Supplier<T> action) {
    int[] depth = ALLOWED.get();
    depth[0]++;
    try {
      return action.get();
    } finally {
      depth[0]--;
    }
  }

  /** Whether this thread is inside {@link #allowMultiShard}. */
  public static boolean isMultiShardAllowed() {
    return ALLOWED.get()[0] > 0;
  }
}
