package io.citushibernate.internal.sql;

import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import io.citushibernate.UnscopableStatementException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeSide;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Turns the MERGE Hibernate writes for an upsert into a tenant table into the equivalent
 * {@code INSERT ... ON CONFLICT (key) DO UPDATE}, which Citus routes to the current tenant's shard.
 *
 * <p>Hibernate 6.6 and 7.2 upsert (and Hibernate 7 writes optional secondary-table rows) with
 * {@code MERGE INTO t AS t USING (SELECT cast(? AS type) col, ...) AS s ON (t.key = s.key)
 * WHEN NOT MATCHED THEN INSERT ... WHEN MATCHED [AND t.version = ?] THEN UPDATE SET col = s.col}.
 * Citus refuses a MERGE into a distributed table whose source is a constant row, however it is
 * filtered. The translation keeps the bind parameters in their order (the source row's values
 * become the VALUES list, the version check the DO UPDATE's WHERE), and matches the same row
 * MERGE matches within the tenant: the tenant column joins the conflict target
 * ({@link ConflictTarget}), the inserted row carries the current tenant.
 *
 * <p>Any other MERGE on a tenant table is refused: a MERGE cannot carry the tenant predicate in a
 * form Citus accepts, and running it unscoped would match rows of every tenant.
 */
final class MergeTranslation {
  private final Merge merge;
  private final TenantTable table;
  private final String targetQualifier;
  private final String sourceQualifier;
  /** The source row's columns, in order: normalized name to value. */
  private final Map<String, Expression> source = new LinkedHashMap<>();

  private MergeTranslation(Merge merge, TenantTable table, String sourceQualifier) {
    this.merge = merge;
    this.table = table;
    this.targetQualifier = TenantTable.normalize(qualifier(merge.getTable()));
    this.sourceQualifier = sourceQualifier;
  }

  /**
   * {@code statement} as an INSERT ... ON CONFLICT when it is a MERGE into a tenant table, the
   * statement itself when it is not a MERGE.
   *
   * @throws UnscopableStatementException for a MERGE on tenant tables that has no such form
   */
  static Statement translate(Statement statement, TenantTables tables) {
    if (!(statement instanceof Merge merge)) {
      return statement;
    }
    Table target = merge.getTable();
    TenantTable table = target == null ? null : tables.find(target.getSchemaName(), target.getName());
    if (table == null) {
      if (AstWalker.walk(merge).tables().stream().anyMatch(t -> t.getName() != null
          && tables.find(t.getSchemaName(), t.getName()) != null)) {
        throw refused(merge, "a MERGE into a table that is not a tenant table cannot read tenant tables");
      }
      return statement;
    }
    if (!(merge.getFromItem() instanceof ParenthesedSelect using) || using.getAlias() == null
        || !(using.getSelect() instanceof PlainSelect row) || !isConstantRow(row)) {
      throw refused(merge, "its source must be one row of values, (SELECT value AS column, ...) AS alias");
    }
    MergeTranslation translation = new MergeTranslation(merge, table, TenantTable.normalize(using.getAlias().getName()));
    return translation.toInsert(row);
  }

  private Insert toInsert(PlainSelect row) {
    if (merge.getWithItemsList() != null || merge.getReturningClause() != null || merge.getOutputClause() != null) {
      throw refused(merge, "WITH, RETURNING and OUTPUT have no equivalent in the translation");
    }
    for (SelectItem<?> item : row.getSelectItems()) {
      if (item.getAlias() == null || source.put(TenantTable.normalize(item.getAlias().getName()),
          item.getExpression()) != null) {
        throw refused(merge, "every value of its source row needs a distinct column alias");
      }
    }
    Map<String, String> keys = keys(merge.getOnCondition());
    MergeInsert whenNotMatched = null;
    MergeUpdate whenMatched = null;
    for (MergeOperation operation : merge.getOperations()) {
      if (operation instanceof MergeInsert i && whenNotMatched == null && i.getAndPredicate() == null
          && i.getWhereCondition() == null && i.getSide() != MergeSide.SOURCE) {
        whenNotMatched = i;
      } else if (operation instanceof MergeUpdate u && whenMatched == null && u.getSide() != MergeSide.SOURCE
          && u.getWhereCondition() == null && u.getDeleteWhereCondition() == null) {
        whenMatched = u;
      } else if (operation instanceof MergeDelete) {
        throw refused(merge, "WHEN MATCHED ... THEN DELETE, which Hibernate writes for an optional @SecondaryTable, "
            + "has no single-statement form Citus routes with the row count Hibernate checks", "Use the dialect "
            + "io.citushibernate.boot.CitusPostgreSQLDialect (citus-hibernate puts it in place of Hibernate's own "
            + "PostgreSQLDialect; set hibernate.dialect to it, or to a subclass, if you configure another), or, if "
            + merge.getTable().getName() + " is a @SecondaryTable, map it with @org.hibernate.annotations.SecondaryRow("
            + "table = \"" + merge.getTable().getName() + "\", optional = false): Hibernate then writes it with "
            + "UPDATE and INSERT");
      } else {
        throw refused(merge, "only one unconditional WHEN NOT MATCHED THEN INSERT and one WHEN MATCHED THEN "
            + "UPDATE are translated, not " + operation);
      }
    }
    if (whenNotMatched == null) {
      throw refused(merge, "it has no WHEN NOT MATCHED THEN INSERT");
    }
    Map<String, Column> inserted = inserted(whenNotMatched);
    for (Map.Entry<String, String> key : keys.entrySet()) {
      Column column = inserted.get(key.getValue());
      if (column == null || !TenantTable.normalize(column.getColumnName()).equals(key.getKey())) {
        throw refused(merge, "its ON condition must compare each key column with the source value inserted into it");
      }
    }
    Insert insert = new Insert();
    Table target = new Table(merge.getTable().getSchemaName(), merge.getTable().getName());
    target.setAlias(merge.getTable().getAlias());
    insert.setTable(target);
    ExpressionList<Column> columns = new ExpressionList<>();
    ExpressionList<Expression> values = new ParenthesedExpressionList<>();
    String tenantColumn = TenantTable.normalize(table.column());
    for (Map.Entry<String, Expression> value : source.entrySet()) {
      Column column = inserted.get(value.getKey());
      columns.add(new Column(column.getColumnName()));
      values.add(TenantTable.normalize(column.getColumnName()).equals(tenantColumn)
          ? uncast(value.getValue()) : value.getValue());
    }
    insert.setColumns(columns);
    insert.setSelect(new Values(values));
    List<String> conflictColumns = new ArrayList<>();
    for (String from : keys.values()) {
      conflictColumns.add(inserted.get(from).getColumnName());
    }
    insert.setConflictTarget(new InsertConflictTarget(conflictColumns, null, null, null));
    insert.setConflictAction(whenMatched == null ? new InsertConflictAction(ConflictActionType.DO_NOTHING)
        : update(whenMatched, inserted));
    return insert;
  }

  /** {@code WHEN MATCHED [AND check] THEN UPDATE SET col = s.x} as {@code DO UPDATE SET col = excluded.col WHERE check}. */
  private InsertConflictAction update(MergeUpdate whenMatched, Map<String, Column> inserted) {
    InsertConflictAction action = new InsertConflictAction(ConflictActionType.DO_UPDATE);
    for (UpdateSet set : whenMatched.getUpdateSets()) {
      if (set.getColumns().size() != set.getValues().size()) {
        throw refused(merge, "its UPDATE must assign column by column");
      }
      for (int i = 0; i < set.getColumns().size(); i++) {
        String from = sourceColumn(set.getValues().get(i));
        if (from == null || !inserted.containsKey(from)) {
          throw refused(merge, "its UPDATE may only assign values of the source row, not " + set.getValues().get(i));
        }
        action.addUpdateSet(new UpdateSet(new Column(set.getColumns().get(i).getColumnName()),
            new Column(new Table("excluded"), inserted.get(from).getColumnName())));
      }
    }
    Expression check = whenMatched.getAndPredicate();
    if (check != null) {
      if (readsSource(check)) {
        throw refused(merge, "its WHEN MATCHED condition may only read the target row and parameters");
      }
      action.setWhereExpression(check);
    }
    return action;
  }

  /** The source column inserted into each target column: source name to target column. */
  private Map<String, Column> inserted(MergeInsert insert) {
    ExpressionList<Column> columns = insert.getColumns();
    ExpressionList<Expression> values = insert.getValues();
    if (columns == null || values == null || columns.size() != values.size() || columns.size() != source.size()) {
      throw refused(merge, "its INSERT must insert each value of the source row exactly once");
    }
    Map<String, Column> result = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      String from = sourceColumn(values.get(i));
      if (from == null || !source.containsKey(from) || result.put(from, columns.get(i)) != null) {
        throw refused(merge, "its INSERT must insert each value of the source row exactly once");
      }
    }
    return result;
  }

  /** The ON condition's key pairs, {@code t.key = s.key} joined by AND: target column to source column. */
  private Map<String, String> keys(Expression on) {
    Map<String, String> keys = new LinkedHashMap<>();
    List<Expression> pending = new ArrayList<>();
    pending.add(on);
    while (!pending.isEmpty()) {
      Expression e = pending.remove(pending.size() - 1);
      if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
        pending.add(p.get(0));
      } else if (e instanceof AndExpression and) {
        pending.add(and.getRightExpression());
        pending.add(and.getLeftExpression());
      } else if (!(e instanceof EqualsTo eq) || !(key(eq.getLeftExpression(), eq.getRightExpression(), keys)
          || key(eq.getRightExpression(), eq.getLeftExpression(), keys))) {
        throw refused(merge, "its ON condition must be target.key = source.key comparisons joined by AND");
      }
    }
    if (keys.isEmpty()) {
      throw refused(merge, "its ON condition names no key");
    }
    return keys;
  }

  private boolean key(Expression targetSide, Expression sourceSide, Map<String, String> keys) {
    String from = sourceColumn(sourceSide);
    if (from == null || !(targetSide instanceof Column t) || !qualifiedBy(t, targetQualifier)) {
      return false;
    }
    keys.put(TenantTable.normalize(t.getColumnName()), from);
    return true;
  }

  /** The source row column {@code e} reads, or {@code null}. */
  private String sourceColumn(Expression e) {
    return e instanceof Column c && qualifiedBy(c, sourceQualifier) ? TenantTable.normalize(c.getColumnName()) : null;
  }

  private boolean readsSource(Expression e) {
    boolean[] reads = {false};
    e.accept(new ExpressionVisitorAdapter<Void>() {
      @Override
      public <S> Void visit(Column column, S context) {
        reads[0] |= qualifiedBy(column, sourceQualifier);
        return null;
      }
    }, null);
    return reads[0];
  }

  private static boolean qualifiedBy(Column c, String qualifier) {
    return c.getTable() != null && c.getTable().getName() != null
        && TenantTable.normalize(c.getTable().getName()).equals(qualifier);
  }

  private static String qualifier(Table table) {
    return table.getAlias() != null && table.getAlias().getName() != null ? table.getAlias().getName() : table.getName();
  }

  /** Whether the source is a single row of values: no table, no filter, no grouping. */
  private static boolean isConstantRow(PlainSelect row) {
    return row.getFromItem() == null && row.getJoins() == null && row.getWhere() == null && row.getGroupBy() == null
        && row.getHaving() == null && row.getOrderByElements() == null && row.getLimit() == null
        && row.getOffset() == null && row.getDistinct() == null && row.getWithItemsList() == null;
  }

  /**
   * The tenant column's value without Hibernate's {@code cast(? as type)}: the rewriter accepts
   * only a bare bind parameter or a literal there, and the column's type types the parameter.
   */
  private static Expression uncast(Expression value) {
    if (value instanceof CastExpression cast
        && (cast.getLeftExpression() instanceof JdbcParameter || cast.getLeftExpression() instanceof JdbcNamedParameter)) {
      return cast.getLeftExpression();
    }
    return value;
  }

  private static UnscopableStatementException refused(Merge merge, String why) {
    return refused(merge, why, "Write the upsert as INSERT ... ON CONFLICT (key columns) DO UPDATE SET ...");
  }

  private static UnscopableStatementException refused(Merge merge, String why, String fix) {
    return new UnscopableStatementException("MERGE on tenant table(s) cannot be scoped to one tenant: " + why
        + ". Citus routes a MERGE to one shard only when its source is a co-located tenant table, and an unscoped "
        + "MERGE would match rows of every tenant, so it was not sent. " + fix + ". Statement: " + merge);
  }
}
