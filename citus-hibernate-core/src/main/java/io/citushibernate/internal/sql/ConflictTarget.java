package io.citushibernate.internal.sql;

import io.citushibernate.internal.mapping.TenantTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Makes an {@code INSERT ... ON CONFLICT (columns)} into a tenant table name the tenant column in
 * its conflict target.
 *
 * <p>The schema makes every key of a tenant table start with the tenant column (Citus requires it
 * of every unique index), so a target such as Hibernate's {@code ON CONFLICT (id)} matches no
 * index and PostgreSQL rejects it (42P10). With the tenant column added, the target infers the
 * composite key, and the row updated on conflict is the current tenant's row of that id: the
 * inserted row carries the current tenant. {@code ON CONFLICT ON CONSTRAINT} and a target-less
 * {@code ON CONFLICT DO NOTHING} name no columns and stay as they are.
 */
final class ConflictTarget {
  private ConflictTarget() {
  }

  /** Adds the tenant column to {@code insert}'s conflict target, and drops the assignment that then does nothing. */
  static void scope(Insert insert, TenantTable table) {
    InsertConflictTarget target = insert.getConflictTarget();
    if (target == null || target.getConstraintName() != null || target.getIndexColumnNames().isEmpty()) {
      return;
    }
    String tenantColumn = TenantTable.normalize(table.column());
    List<String> columns = target.getIndexColumnNames();
    if (columns.stream().noneMatch(c -> TenantTable.normalize(c).equals(tenantColumn))) {
      List<String> scoped = new ArrayList<>();
      scoped.add(table.column());
      scoped.addAll(columns);
      insert.setConflictTarget(new InsertConflictTarget(scoped, target.getIndexExpression(),
          target.getWhereExpression(), null));
    }
    dropTenantReassignment(insert.getConflictAction(), tenantColumn);
  }

  /**
   * Removes {@code SET tenant = excluded.tenant} (Hibernate 7's upsert writes it for an updatable
   * tenant key): the conflicting row has the inserted row's tenant, so it changes nothing, and
   * Citus refuses statements that assign the distribution column. When it was the only
   * assignment, the first remaining one would be missing; the tenant assignment then stays, and the
   * rewriter's check of tenant column writes decides.
   */
  private static void dropTenantReassignment(InsertConflictAction action, String tenantColumn) {
    if (action == null || action.getUpdateSets() == null || action.getUpdateSets().size() < 2) {
      return;
    }
    Iterator<UpdateSet> sets = action.getUpdateSets().iterator();
    while (sets.hasNext()) {
      UpdateSet set = sets.next();
      if (set.getColumns().size() == 1 && set.getValues().size() == 1
          && TenantTable.normalize(set.getColumns().get(0).getColumnName()).equals(tenantColumn)
          && isExcluded(set.getValues().get(0), tenantColumn)) {
        sets.remove();
        return;
      }
    }
  }

  private static boolean isExcluded(Expression value, String tenantColumn) {
    return value instanceof Column c && c.getTable() != null && c.getTable().getName() != null
        && TenantTable.normalize(c.getTable().getName()).equals("excluded")
        && TenantTable.normalize(c.getColumnName()).equals(tenantColumn);
  }
}
