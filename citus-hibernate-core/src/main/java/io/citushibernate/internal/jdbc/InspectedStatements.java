package io.citushibernate.internal.jdbc;

import io.citushibernate.tenant.TenantContext;
import java.util.Objects;

/**
 * The statements Hibernate's statement inspector scoped last on this thread, so that a
 * tenant-scoping data source under Hibernate sends them as they are instead of scoping them a
 * second time. Hibernate prepares a statement on the thread that inspected it, right after
 * inspecting it; a few entries cover statements inspected before the previous one was prepared.
 *
 * <p>An entry is trusted for the scope (tenant or cross-tenant) it was written for, so a text that
 * an application sends itself, in another scope, is scoped like any other. A text that carries a
 * {@link TenantBindingPlan} is trusted in any scope: its tenant is bound when it is prepared, and
 * a session opened for a tenant supplies that tenant only then.
 */
public final class InspectedStatements {
  private static final int KEPT = 8;
  private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

  private InspectedStatements() {
  }

  private record Entry(String sql, Object scope) {
  }

  /** A ring of the last {@value #KEPT} entries. */
  private static final class Recent {
    final Entry[] entries = new Entry[KEPT];
    int next;
  }

  /** Hibernate's inspector scoped {@code sql} for the current scope. */
  public static void inspected(String sql) {
    Recent recent = RECENT.get();
    recent.entries[recent.next] = new Entry(sql, TenantContext.scope());
    recent.next = (recent.next + 1) % KEPT;
  }

  /** Whether {@code sql} is a statement Hibernate's inspector scoped, for this scope or with a binding plan. */
  static boolean isInspected(String sql) {
    Object scope = TenantContext.scope();
    for (Entry e : RECENT.get().entries) {
      if (e != null && e.sql().equals(sql)
          && (Objects.equals(e.scope(), scope) || TenantBindingPlans.planOf(sql) != null)) {
        return true;
      }
    }
    return false;
  }
}
