package io.citushibernate.sql;

import io.citushibernate.UnscopableStatementException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Adds the tenant predicate to every tenant-table reference of one parsed statement.
 *
 * <p>Where a predicate goes decides what it filters: a table read in FROM or an inner join is
 * filtered in WHERE; a table on the nullable side of an outer join is filtered in that join's ON,
 * so the join still yields its unmatched rows; both sides of a FULL join are filtered in ON and,
 * null-tolerant, in WHERE. Every tenant table the parser saw must have been scoped, or the
 * statement is refused.
 */
final class ScopeRewriter {
  private static final String SLOT = String.valueOf(Rewrite.SLOT);

  record Result(String sql, Set<String> tenantTables, Set<String> presentLiterals, List<String> requiredLiterals) {
  }

  private final TenantTables tables;
  /** When set, a predicate already present with this literal is not added again. */
  private final String assumedLiteral;
  private final Set<String> cteNames = new LinkedHashSet<>();
  private final Set<Table> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Table> scoped = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> tenantTables = new LinkedHashSet<>();
  private final Set<String> presentLiterals = new LinkedHashSet<>();
  private final List<String> requiredLiterals = new ArrayList<>();

  private ScopeRewriter(TenantTables tables, String assumedLiteral) {
    this.tables = tables;
    this.assumedLiteral = assumedLiteral;
  }

  static Result rewrite(Statement statement, TenantTables tables, String assumedLiteral) {
    ScopeRewriter rewriter = new ScopeRewriter(tables, assumedLiteral);
    List<Object> scopes = rewriter.collect(statement);
    for (Object scope : scopes) {
      if (scope instanceof PlainSelect ps) {
        rewriter.scope(ps);
      } else if (scope instanceof Update u) {
        rewriter.scope(u);
      } else if (scope instanceof Delete d) {
        rewriter.scope(d);
      } else if (scope instanceof Insert i) {
        rewriter.scope(i);
      }
    }
    for (Table t : rewriter.seen) {
      if (!rewriter.scoped.contains(t)) {
        throw new UnscopableStatementException("Tenant table " + t.getFullyQualifiedName()
            + " is used in a position that cannot carry the tenant predicate; the statement was "
            + "not sent. Write it as a plain FROM/JOIN reference, or run it in "
            + "TenantContext.runCrossTenant(reason, ...): " + statement);
      }
    }
    return new Result(statement.toString(), rewriter.tenantTables, rewriter.presentLiterals,
        rewriter.requiredLiterals);
  }

  /** Walks the whole statement; returns every SELECT/UPDATE/DELETE/INSERT scope, outermost first. */
  private List<Object> collect(Statement statement) {
    Set<Object> scopes = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Object> ordered = new ArrayList<>();
    List<Table> allTables = new ArrayList<>();
    TablesNamesFinder<Void> finder = new TablesNamesFinder<>() {
      @Override
      public <S> Void visit(PlainSelect plainSelect, S context) {
        if (scopes.add(plainSelect)) {
          ordered.add(plainSelect);
        }
        return super.visit(plainSelect, context);
      }

      @Override
      public <S> Void visit(Update update, S context) {
        if (scopes.add(update)) {
          ordered.add(update);
        }
        return super.visit(update, context);
      }

      @Override
      public <S> Void visit(Delete delete, S context) {
        if (scopes.add(delete)) {
          ordered.add(delete);
        }
        return super.visit(delete, context);
      }

      @Override
      public <S> Void visit(Insert insert, S context) {
        if (scopes.add(insert)) {
          ordered.add(insert);
        }
        return super.visit(insert, context);
      }

      @Override
      public <S> Void visit(WithItem<?> withItem, S context) {
        if (withItem.getAlias() != null) {
          cteNames.add(TenantTable.normalize(withItem.getAlias().getName()));
        }
        return super.visit(withItem, context);
      }

      @Override
      public <S> Void visit(Table table, S context) {
        allTables.add(table);
        return super.visit(table, context);
      }
    };
    try {
      finder.getTables(statement);
    } catch (UnsupportedOperationException e) {
      throw new UnscopableStatementException("The statement type is not supported on tenant tables "
          + "and was not sent; run it in TenantContext.runCrossTenant(reason, ...) if it is meant "
          + "to span tenants: " + statement, e);
    }
    for (Table t : allTables) {
      if (tenantTableOf(t) != null) {
        seen.add(t);
      }
    }
    return ordered;
  }

  // ---------------------------------------------------------------- scopes

  private void scope(PlainSelect ps) {
    if (ps.getFromItem() == null) {
      return;
    }
    List<Pending> where = new ArrayList<>();
    List<Pending> nullTolerant = new ArrayList<>();
    fromClause(ps.getFromItem(), ps.getJoins(), where, nullTolerant, false);
    ps.setWhere(conjoin(ps.getWhere(), where, nullTolerant, singleSource(ps.getFromItem(), ps.getJoins())));
  }

  private void scope(Update update) {
    if (update.getStartJoins() != null && !update.getStartJoins().isEmpty()) {
      refuseIfTenant(update.getStartJoins(), "UPDATE ... JOIN");
    }
    List<Pending> where = new ArrayList<>();
    Table target = update.getTable();
    TenantTable tt = tenantTableOf(target);
    if (tt != null) {
      where.add(pending(target, tt));
      checkAssignments(update.getUpdateSets(), tt, target);
    }
    List<Pending> nullTolerant = new ArrayList<>();
    if (update.getFromItem() != null) {
      fromClause(update.getFromItem(), update.getJoins(), where, nullTolerant, false);
    }
    update.setWhere(conjoin(update.getWhere(), where, nullTolerant, update.getFromItem() == null));
  }

  private void scope(Delete delete) {
    if (delete.getTables() != null && !delete.getTables().isEmpty()) {
      for (Table t : delete.getTables()) {
        if (tenantTableOf(t) != null) {
          throw new UnscopableStatementException("Multi-table DELETE of tenant table "
              + t.getFullyQualifiedName() + " is not supported; delete from one table at a time: " + delete);
        }
      }
    }
    List<Pending> where = new ArrayList<>();
    Table target = delete.getTable();
    TenantTable tt = tenantTableOf(target);
    if (tt != null) {
      where.add(pending(target, tt));
    }
    boolean single = true;
    if (delete.getUsingList() != null) {
      for (Table using : delete.getUsingList()) {
        single = false;
        TenantTable ut = tenantTableOf(using);
        if (ut != null) {
          where.add(pending(using, ut));
        }
      }
    }
    List<Pending> nullTolerant = new ArrayList<>();
    if (delete.getJoins() != null && !delete.getJoins().isEmpty()) {
      single = false;
      // DELETE ... USING a JOIN b: the joins hang off the last USING table or the target
      fromItems(delete.getJoins(), where, nullTolerant, 1);
    }
    delete.setWhere(conjoin(delete.getWhere(), where, nullTolerant, single));
  }

  private void scope(Insert insert) {
    Table target = insert.getTable();
    TenantTable tt = tenantTableOf(target);
    if (tt == null) {
      return;
    }
    scoped.add(target);
    tenantTables.add(tt.name());
    if (insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() != null) {
      checkAssignments(insert.getConflictAction().getUpdateSets(), tt, target);
    }
    ExpressionList<Column> columns = insert.getColumns();
    if (columns == null || columns.isEmpty()) {
      throw new UnscopableStatementException("INSERT into tenant table " + tt.name()
          + " must name its columns so the tenant column " + tt.column() + " can be checked: " + insert);
    }
    int index = -1;
    for (int i = 0; i < columns.size(); i++) {
      if (TenantTable.normalize(columns.get(i).getColumnName()).equals(TenantTable.normalize(tt.column()))) {
        index = i;
      }
    }
    Select source = insert.getSelect();
    if (source instanceof Values values) {
      List<ExpressionList<?>> rows = rows(values);
      if (index >= 0) {
        for (ExpressionList<?> row : rows) {
          requireTenantValue(row.get(index), tt);
        }
      } else {
        columns.add(new Column(tt.column()));
        for (ExpressionList<?> row : rows) {
          @SuppressWarnings("unchecked")
          ExpressionList<Expression> r = (ExpressionList<Expression>) row;
          r.add(slot());
        }
      }
    } else if (source instanceof PlainSelect ps) {
      if (index < 0) {
        columns.add(new Column(tt.column()));
        ps.addSelectItem(slot());
      } else if (index < ps.getSelectItems().size()
          && !(ps.getSelectItems().get(index).getExpression() instanceof AllColumns)) {
        requireTenantValue(ps.getSelectItems().get(index).getExpression(), tt);
      }
      // otherwise the value comes from a scoped tenant table read, which can only yield this tenant
    } else if (index < 0) {
      throw new UnscopableStatementException("INSERT into tenant table " + tt.name()
          + " without the tenant column " + tt.column() + " needs a VALUES list or a plain SELECT: " + insert);
    }
  }

  private static List<ExpressionList<?>> rows(Values values) {
    ExpressionList<?> expressions = values.getExpressions();
    List<ExpressionList<?>> rows = new ArrayList<>();
    boolean multi = !expressions.isEmpty() && expressions.get(0) instanceof ExpressionList<?>;
    if (multi) {
      for (Expression e : expressions) {
        rows.add((ExpressionList<?>) e);
      }
    } else {
      rows.add(expressions);
    }
    return rows;
  }

  /** The tenant column may be assigned a bind parameter or the tenant's own literal, nothing else. */
  private void checkAssignments(List<UpdateSet> sets, TenantTable tt, Table target) {
    for (UpdateSet set : sets) {
      for (int i = 0; i < set.getColumns().size(); i++) {
        Column c = set.getColumns().get(i);
        if (TenantTable.normalize(c.getColumnName()).equals(TenantTable.normalize(tt.column()))) {
          Expression value = i < set.getValues().size() ? set.getValues().get(i) : null;
          requireTenantValue(value, tt);
        }
      }
    }
  }

  private void requireTenantValue(Expression value, TenantTable tt) {
    if (value instanceof JdbcParameter || value instanceof JdbcNamedParameter) {
      return; // bound by Hibernate from the entity, whose tenant the write listener checked
    }
    String literal = literalOf(value);
    if (literal == null) {
      throw new UnscopableStatementException("The tenant column " + tt.name() + "." + tt.column()
          + " may only be written with a bind parameter or the current tenant's literal, not " + value);
    }
    requiredLiterals.add(literal);
  }

  // ---------------------------------------------------------------- FROM clauses

  /** A tenant-table reference waiting for its predicate. */
  private record Pending(Table table, TenantTable tenantTable, int position) {
  }

  private Pending pending(Table table, TenantTable tt) {
    return pending(table, tt, 0);
  }

  private Pending pending(Table table, TenantTable tt, int position) {
    scoped.add(table);
    tenantTables.add(tt.name());
    return new Pending(table, tt, position);
  }

  /**
   * Places the predicates of one FROM clause: outer-join ON clauses are written here; what
   * belongs in WHERE is added to {@code where} and {@code nullTolerant}.
   */
  private void fromClause(FromItem first, List<Join> joins, List<Pending> where, List<Pending> nullTolerant,
      boolean nested) {
    where.addAll(pendingOf(first, 0, nested));
    if (joins != null) {
      fromItems(joins, where, nullTolerant, 1);
    }
  }

  private void fromItems(List<Join> joins, List<Pending> where, List<Pending> nullTolerant, int firstPosition) {
    int position = firstPosition;
    for (Join join : joins) {
      List<Pending> right = pendingOf(join.getRightItem(), position, false);
      if (join.isFull()) {
        List<Pending> moved = new ArrayList<>(where);
        where.clear();
        moved.addAll(right);
        onClause(join, moved, "FULL JOIN");
        nullTolerant.addAll(moved);
      } else if (join.isRight()) {
        List<Pending> moved = new ArrayList<>(where);
        where.clear();
        onClause(join, moved, "RIGHT JOIN");
        where.addAll(right);
      } else if (join.isLeft()) {
        if (!right.isEmpty() && !hasOn(join) && join.getRightItem() instanceof Table t && right.size() == 1) {
          join.setRightItem(filtered(t, right.get(0)));
        } else {
          onClause(join, right, "LEFT JOIN");
        }
      } else {
        where.addAll(right);
      }
      position++;
    }
  }

  private List<Pending> pendingOf(FromItem item, int position, boolean nested) {
    if (item instanceof Table t) {
      TenantTable tt = tenantTableOf(t);
      return tt == null ? List.of() : List.of(pending(t, tt, position));
    }
    if (item instanceof ParenthesedFromItem p) {
      List<Pending> innerWhere = new ArrayList<>();
      List<Pending> innerNullTolerant = new ArrayList<>();
      fromClause(p.getFromItem(), p.getJoins(), innerWhere, innerNullTolerant, true);
      if (!innerNullTolerant.isEmpty()) {
        throw new UnscopableStatementException("A FULL JOIN of tenant tables inside a parenthesized "
            + "join cannot be scoped; flatten the join: " + p);
      }
      return innerWhere;
    }
    return List.of(); // subqueries, VALUES, functions: scoped as their own scopes
  }

  private static boolean hasOn(Join join) {
    return join.getOnExpressions() != null && !join.getOnExpressions().isEmpty();
  }

  private void onClause(Join join, List<Pending> pendings, String kind) {
    if (pendings.isEmpty()) {
      return;
    }
    if (!hasOn(join)) {
      throw new UnscopableStatementException(kind + " without ON (USING or NATURAL) around tenant table "
          + pendings.get(0).tenantTable().name() + " cannot be scoped; write the join with ON: " + join);
    }
    List<Expression> ons = new ArrayList<>(join.getOnExpressions());
    Expression last = ons.remove(ons.size() - 1);
    ons.add(conjoin(last, pendings, List.of(), false));
    join.setOnExpressions(ons);
  }

  /** {@code (SELECT * FROM t WHERE t.tenant = ?) alias}: scopes a table where ON is not available. */
  private ParenthesedSelect filtered(Table table, Pending p) {
    Alias alias = table.getAlias() != null ? table.getAlias() : new Alias(table.getName(), false);
    Table inner = new Table(table.getSchemaName(), table.getName());
    scoped.add(inner);
    PlainSelect select = new PlainSelect().addSelectItem(new AllColumns()).withFromItem(inner);
    select.setWhere(predicate(new Table(table.getName()), p.tenantTable()));
    ParenthesedSelect wrapped = new ParenthesedSelect().withSelect(select);
    wrapped.setAlias(alias);
    return wrapped;
  }

  private void refuseIfTenant(List<Join> joins, String kind) {
    for (Join j : joins) {
      if (j.getRightItem() instanceof Table t && tenantTableOf(t) != null) {
        throw new UnscopableStatementException(kind + " on tenant table " + t.getFullyQualifiedName()
            + " is not supported; use UPDATE ... FROM");
      }
    }
  }

  // ---------------------------------------------------------------- predicates

  private Expression conjoin(Expression existing, List<Pending> pendings, List<Pending> nullTolerant,
      boolean singleSource) {
    Expression result = existing;
    for (Pending p : pendings) {
      if (alreadyFiltered(existing, p, singleSource)) {
        continue;
      }
      result = and(result, predicate(qualifier(p.table()), p.tenantTable()));
    }
    for (Pending p : nullTolerant) {
      Column column = new Column(qualifier(p.table()), p.tenantTable().column());
      Expression either = new OrExpression(predicate(qualifier(p.table()), p.tenantTable()),
          new IsNullExpression(column));
      result = and(result, new ParenthesedExpressionList<>(either));
    }
    return result;
  }

  private static Expression and(Expression left, Expression right) {
    if (left == null) {
      return right;
    }
    if (left instanceof OrExpression || left instanceof XorExpression) {
      left = new ParenthesedExpressionList<>(left);
    }
    return new AndExpression(left, right);
  }

  private static EqualsTo predicate(Table qualifier, TenantTable tt) {
    return new EqualsTo(new Column(qualifier, tt.column()), slot());
  }

  private static Column slot() {
    return new Column(SLOT);
  }

  private static Table qualifier(Table table) {
    if (table.getAlias() != null && table.getAlias().getName() != null) {
      return new Table(table.getAlias().getName());
    }
    return new Table(table.getName());
  }

  /**
   * Whether a top-level conjunct of {@code existing} already pins this table's tenant column to a
   * literal; records the literal, and answers yes only when it is the tenant being rendered.
   */
  private boolean alreadyFiltered(Expression existing, Pending p, boolean singleSource) {
    List<Expression> conjuncts = new ArrayList<>();
    flatten(existing, conjuncts);
    String qualifier = TenantTable.normalize(qualifier(p.table()).getName());
    String column = TenantTable.normalize(p.tenantTable().column());
    for (Expression e : conjuncts) {
      if (e instanceof EqualsTo eq) {
        String literal = matches(eq.getLeftExpression(), eq.getRightExpression(), qualifier, column, singleSource);
        if (literal == null) {
          literal = matches(eq.getRightExpression(), eq.getLeftExpression(), qualifier, column, singleSource);
        }
        if (literal != null) {
          presentLiterals.add(literal);
          if (literal.equals(assumedLiteral)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String matches(Expression side, Expression other, String qualifier, String column,
      boolean singleSource) {
    if (!(side instanceof Column c) || !TenantTable.normalize(c.getColumnName()).equals(column)) {
      return null;
    }
    Table t = c.getTable();
    boolean qualified = t != null && t.getName() != null;
    if (qualified ? !TenantTable.normalize(t.getName()).equals(qualifier) : !singleSource) {
      return null;
    }
    return literalOf(other);
  }

  private static void flatten(Expression e, List<Expression> out) {
    if (e instanceof AndExpression and) {
      flatten(and.getLeftExpression(), out);
      flatten(and.getRightExpression(), out);
    } else if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1 && p.get(0) instanceof AndExpression) {
      flatten(p.get(0), out);
    } else if (e != null) {
      out.add(e);
    }
  }

  /** The text of an integer or string literal, as {@link TenantType#literal} would print it. */
  private static String literalOf(Expression e) {
    if (e instanceof LongValue l) {
      return l.getStringValue();
    }
    if (e instanceof SignedExpression s && s.getSign() == '-' && s.getExpression() instanceof LongValue l) {
      return "-" + l.getStringValue();
    }
    if (e instanceof StringValue s) {
      return s.toString();
    }
    return null;
  }

  private static boolean singleSource(FromItem first, List<Join> joins) {
    return first instanceof Table && (joins == null || joins.isEmpty());
  }

  private TenantTable tenantTableOf(Table table) {
    if (table == null || table.getName() == null) {
      return null;
    }
    if (table.getSchemaName() == null && cteNames.contains(TenantTable.normalize(table.getName()))) {
      return null;
    }
    return tables.find(table.getSchemaName(), table.getName());
  }

}
