package io.citushibernate.testkit;

import io.citushibernate.tenant.TenantContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Assertions on the statements a block runs against the {@link CitusTest} database: how many
 * (N+1 detection), and that a block working for one tenant touches no other tenant's rows.
 */
public final class CitusAssertions {
  private CitusAssertions() {
  }

  /** Runs {@code block} and fails unless exactly {@code expected} statements ran (each batch entry counts). */
  public static void assertStatementCount(int expected, Runnable block) {
    assertStatementCount(expected, () -> {
      block.run();
      return null;
    });
  }

  /** Computes {@code block} and fails unless exactly {@code expected} statements ran. */
  public static <T> T assertStatementCount(int expected, Supplier<T> block) {
    TestDatabase db = TestDatabase.active();
    int mark = db.mark();
    T result = block.get();
    List<TestDatabase.Executed> ran = db.since(mark);
    if (ran.size() != expected) {
      StringBuilder sb = new StringBuilder("Expected " + expected + " statement(s) but " + ran.size() + " ran:");
      for (int i = 0; i < ran.size(); i++) {
        sb.append("\n  ").append(i + 1).append(". ").append(ran.get(i).sql());
      }
      throw new AssertionError(sb.toString());
    }
    return result;
  }

  /**
   * Runs {@code block} as {@code tenant} ({@link TenantContext#run}) and fails, listing each
   * violation, when it read or wrote a row of another tenant: a statement pinned to another
   * tenant, a result row of a tenant table whose tenant column holds another tenant, or a
   * committed change to another tenant's rows (compared by snapshots of every tenant table).
   */
  public static void assertTenantIsolated(Object tenant, Runnable block) {
    assertTenantIsolated(tenant, () -> {
      block.run();
      return null;
    });
  }

  /** Computes {@code block} as {@code tenant}; see {@link #assertTenantIsolated(Object, Runnable)}. */
  public static <T> T assertTenantIsolated(Object tenant, Supplier<T> block) {
    TestDatabase db = TestDatabase.active();
    IsolationWatch watch = new IsolationWatch(tenant, db.catalog());
    Map<String, String> before = snapshot(db, watch);
    db.watch(watch);
    T result;
    try {
      result = TenantContext.get(tenant, block);
    } finally {
      db.watch(null);
    }
    watch.compare(before, snapshot(db, watch));
    List<String> violations = watch.violations();
    if (!violations.isEmpty()) {
      throw new AssertionError("The block running as tenant " + tenant + " touched other tenants' rows:\n  - "
          + String.join("\n  - ", violations));
    }
    return result;
  }

  private static Map<String, String> snapshot(TestDatabase db, IsolationWatch watch) {
    try (Connection c = db.adminConnection()) {
      return watch.snapshot(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot snapshot the tenant tables: " + e.getMessage(), e);
    }
  }
}
