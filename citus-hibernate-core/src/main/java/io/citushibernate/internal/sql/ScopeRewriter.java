package io.citushibernate.internal.sql;

import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import io.citushibernate.tenant.TenantType;
import io.citushibernate.UnscopableStatementException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ExplainStatement;
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
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Adds the tenant predicate to every tenant-table reference of one parsed statement.
 *
 * <p>Where a predicate goes decides what it filters: a table read in FROM or an inner join is
 * filtered in WHERE; a table on the nullable side of an outer join is filtered in that join's ON,
 * so the join still yields its unmatched rows. Both sides of a FULL join, and the tables of a join
 * without ON (USING, NATURAL), are replaced by filtered derived tables. Every tenant-table
 * reference in the statement must have been scoped, or the statement is refused.
 */
final class ScopeRewriter {
  private static final String SLOT = String.valueOf(Rewrite.SLOT);

  record Result(String sql, Set<String> tenantTables, Set<String> presentLiterals, List<String> requiredLiterals) {
  }

  private final String assumedLiteral;
  /** Every reference to a tenant table (CTE names excluded), by identity. */
  private final Map<Table, TenantTable> refs = new IdentityHashMap<>();
  /** The same references in statement order, for messages that do not change from run to run. */
  private final List<Table> refOrder = new ArrayList<>();
  private final Set<Table> scoped = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> tenantTables = new LinkedHashSet<>();
  private final Set<String> presentLiterals = new LinkedHashSet<>();
  private final List<String> requiredLiterals = new ArrayList<>();

  private ScopeRewriter(String assumedLiteral) {
    this.assumedLiteral = assumedLiteral;
  }

  /**
   * Scopes {@code statement} in place.
   *
   * @param assumedLiteral when set, a predicate already present with this literal is not added again
   */
  static Result rewrite(Statement statement, TenantTables tables, String assumedLiteral) {
    ScopeRewriter rewriter = new ScopeRewriter(assumedLiteral);
    AstWalker.Found found = AstWalker.walk(statement);
    for (Table t : found.tables()) {
      TenantTable tt = t.getName() == null ? null : tables.find(t.getSchemaName(), t.getName());
      if (tt != null) {
        rewriter.refs.put(t, tt);
        rewriter.refOrder.add(t);
      }
    }
    if (rewriter.refs.isEmpty()) {
      return new Result(null, Set.of(), Set.of(), List.of());
    }
    if (!(statement instanceof Select || statement instanceof Insert || statement instanceof Update
        || statement instanceof Delete || statement instanceof ExplainStatement)) {
      throw new UnscopableStatementException(keyword(statement) + " statements on tenant table(s) "
          + rewriter.names(rewriter.refOrder) + " cannot be scoped to one tenant, so the statement was not sent. "
          + "Write tenant work as SELECT, INSERT, UPDATE or DELETE; run schema changes as migrations: " + statement);
    }
    for (Object scope : found.scopes()) {
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
    List<Table> unscoped = new ArrayList<>();
    for (Table t : rewriter.refOrder) {
      if (!rewriter.scoped.contains(t)) {
        unscoped.add(t);
      }
    }
    if (!unscoped.isEmpty()) {
      throw new UnscopableStatementException("Tenant table(s) " + rewriter.names(unscoped)
          + " used in a position that cannot carry the tenant predicate; the statement was "
          + "not sent. Write it as a plain FROM/JOIN reference: " + statement);
    }
    return new Result(statement.toString(), rewriter.tenantTables, rewriter.presentLiterals,
        rewriter.requiredLiterals);
  }

  private Set<String> names(Iterable<Table> tables) {
    Set<String> names = new LinkedHashSet<>();
    for (Table t : tables) {
      names.add(refs.get(t).name());
    }
    return names;
  }

  private static String keyword(Statement statement) {
    String text = statement.toString().stripLeading();
    int end = 0;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return end == 0 ? statement.getClass().getSimpleName() : text.substring(0, end).toUpperCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- scopes

  private void scope(PlainSelect ps) {
    if (ps.getFromItem() == null) {
      return;
    }
    List<Pending> where = new ArrayList<>();
    fromList(ps.getFromItem(), ps::setFromItem, ps.getJoins(), where);
    boolean single = ps.getFromItem() instanceof Table && (ps.getJoins() == null || ps.getJoins().isEmpty());
    ps.setWhere(conjoin(ps.getWhere(), where, single));
  }

  private void scope(Update update) {
    List<Pending> where = new ArrayList<>();
    Table target = update.getTable();
    TenantTable tt = refs.get(target);
    if (tt != null) {
      // the target is always filtered in WHERE: it cannot be referenced from the FROM list's joins
      where.add(pending(target, tt, null));
      checkAssignments(update.getUpdateSets(), tt, target);
    }
    if (update.getFromItem() != null) {
      fromList(update.getFromItem(), update::setFromItem, update.getJoins(), where);
    }
    update.setWhere(conjoin(update.getWhere(), where, update.getFromItem() == null));
  }

  private void scope(Delete delete) {
    List<Pending> where = new ArrayList<>();
    Table target = delete.getTable();
    TenantTable tt = refs.get(target);
    if (tt != null) {
      where.add(pending(target, tt, null));
    }
    boolean single = true;
    if (delete.getUsingFromItemList() != null) {
      for (FromItem item : delete.getUsingFromItemList()) {
        single = false;
        // a subquery in USING is a scope of its own; anything else unscoped is refused afterwards
        if (item instanceof Table using) {
          TenantTable ut = refs.get(using);
          if (ut != null) {
            where.add(pending(using, ut, null));
          }
        }
      }
    }
    // DELETE t1, t2 FROM ... and DELETE ... JOIN are MySQL; tenant tables there stay unscoped and
    // the statement is refused
    if (delete.getJoins() != null && !delete.getJoins().isEmpty()) {
      single = false;
    }
    delete.setWhere(conjoin(delete.getWhere(), where, single));
  }

  private void scope(Insert insert) {
    Table target = insert.getTable();
    TenantTable tt = refs.get(target);
    if (tt == null) {
      return;
    }
    scoped.add(target);
    tenantTables.add(tt.name());
    ConflictTarget.scope(insert, tt);
    if (insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() != null) {
      checkAssignments(insert.getConflictAction().getUpdateSets(), tt, target);
    }
    ExpressionList<Column> columns = insert.getColumns();
    if (columns == null || columns.isEmpty()) {
      throw new UnscopableStatementException("INSERT into tenant table " + tt.name()
          + " must name its columns so the tenant column " + tt.column() + " can be checked: " + insert);
    }
    int index = -1;
    String tenantColumn = TenantTable.normalize(tt.column());
    for (int i = 0; i < columns.size(); i++) {
      if (TenantTable.normalize(columns.get(i).getColumnName()).equals(tenantColumn)) {
        index = i;
      }
    }
    Select source = insert.getSelect();
    while (source instanceof ParenthesedSelect p && p.getWithItemsList() == null) {
      source = p.getSelect();
    }
    if (source instanceof Values values) {
      List<ExpressionList<?>> rows = rows(values);
      if (index >= 0) {
        for (ExpressionList<?> row : rows) {
          requireTenantValue(index < row.size() ? row.get(index) : null, tt);
        }
      } else {
        columns.add(new Column(tt.column()));
        for (ExpressionList<?> row : rows) {
          @SuppressWarnings("unchecked")
          ExpressionList<Expression> r = (ExpressionList<Expression>) row;
          r.add(slot());
        }
      }
      return;
    }
    List<PlainSelect> branches = branches(source);
    if (branches == null) {
      if (index < 0) {
        throw new UnscopableStatementException("INSERT into tenant table " + tt.name()
            + " without the tenant column " + tt.column() + " needs a VALUES list or a plain SELECT: " + insert);
      }
      return; // the tenant column's value comes from a scoped query
    }
    if (index < 0) {
      columns.add(new Column(tt.column()));
    }
    for (PlainSelect ps : branches) {
      if (index < 0) {
        ps.addSelectItem(slot());
        continue;
      }
      Expression value = itemAt(ps, index, columns.size());
      if (value == null) {
        throw new UnscopableStatementException("INSERT ... SELECT into tenant table " + tt.name() + " takes the "
            + "tenant column " + tt.column() + " from a SELECT list with * in it, so its value cannot be checked "
            + "and the statement was not sent. Name the selected columns: " + insert);
      }
      if (!readsTenantColumn(ps, value)) {
        requireTenantValue(value, tt);
      }
      // otherwise the value comes from a scoped tenant table read, which can only yield this tenant
    }
  }

  /**
   * The select item that fills column {@code index} of {@code columns}: counted from the front when
   * no * comes before it, else from the back when no * comes after it (a * stands for any number
   * of columns); {@code null} when a * on both sides hides which item it is.
   */
  private static Expression itemAt(PlainSelect ps, int index, int columns) {
    List<? extends net.sf.jsqlparser.statement.select.SelectItem<?>> items = ps.getSelectItems();
    if (noStar(items, 0, Math.min(index + 1, items.size())) && index < items.size()) {
      return items.get(index).getExpression();
    }
    int fromBack = items.size() - (columns - index);
    return fromBack >= 0 && noStar(items, fromBack, items.size()) ? items.get(fromBack).getExpression() : null;
  }

  private static boolean noStar(List<? extends net.sf.jsqlparser.statement.select.SelectItem<?>> items, int from,
      int to) {
    for (int i = from; i < to; i++) {
      if (items.get(i).getExpression() instanceof AllColumns) {
        return false; // AllTableColumns (t.*) is an AllColumns too
      }
    }
    return true;
  }

  /**
   * Whether {@code value} is the tenant column of a tenant table in {@code ps}'s own FROM list:
   * that table is scoped, so the column holds the current tenant (or NULL, which the NOT NULL
   * tenant column rejects).
   */
  private boolean readsTenantColumn(PlainSelect ps, Expression value) {
    if (!(value instanceof Column c) || ps.getFromItem() == null) {
      return false;
    }
    List<FromItem> items = new ArrayList<>();
    items.add(ps.getFromItem());
    if (ps.getJoins() != null) {
      for (Join j : ps.getJoins()) {
        items.add(j.getFromItem());
      }
    }
    boolean single = items.size() == 1;
    for (FromItem item : items) {
      Table table = item instanceof Table t ? t : filteredTable(item);
      TenantTable tt = table == null ? null : refs.get(table);
      String name = item instanceof Table t ? qualifier(t).getName() : tt == null ? null : item.getAlias().getName();
      if (tt != null && sameColumn(c, TenantTable.normalize(name), TenantTable.normalize(tt.column()), single)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The tenant table of a derived table {@code (SELECT * FROM t ...) alias}, the form a FULL join
   * puts its tables in (so reading its tenant column reads the tenant), or {@code null}.
   */
  private static Table filteredTable(FromItem item) {
    if (item instanceof ParenthesedSelect p && p.getAlias() != null && p.getSelect() instanceof PlainSelect ps
        && ps.getSelectItems().size() == 1 && ps.getSelectItems().get(0).getExpression() instanceof AllColumns
        && !(ps.getSelectItems().get(0).getExpression() instanceof net.sf.jsqlparser.statement.select.AllTableColumns)
        && ps.getFromItem() instanceof Table t && (ps.getJoins() == null || ps.getJoins().isEmpty())
        && ps.getGroupBy() == null && ps.getHaving() == null) {
      return t;
    }
    return null;
  }

  /** The SELECT branches of an INSERT's source, or {@code null} when it is not made of plain SELECTs. */
  private static List<PlainSelect> branches(Select source) {
    if (source instanceof PlainSelect ps) {
      return List.of(ps);
    }
    if (source instanceof SetOperationList list) {
      List<PlainSelect> result = new ArrayList<>();
      for (Select s : list.getSelects()) {
        while (s instanceof ParenthesedSelect p && p.getWithItemsList() == null && p.getOrderByElements() == null
            && p.getLimit() == null && p.getOffset() == null && p.getFetch() == null) {
          s = p.getSelect(); // (SELECT ...) UNION (SELECT ...): each branch's select list is its own
        }
        if (!(s instanceof PlainSelect ps)) {
          return null;
        }
        result.add(ps);
      }
      return result;
    }
    return null;
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
    String tenantColumn = TenantTable.normalize(tt.column());
    for (UpdateSet set : sets) {
      for (int i = 0; i < set.getColumns().size(); i++) {
        Column c = set.getColumns().get(i);
        if (TenantTable.normalize(c.getColumnName()).equals(tenantColumn)) {
          Expression value = i < set.getValues().size() ? set.getValues().get(i) : null;
          if (sameColumn(value, TenantTable.normalize(qualifier(target).getName()), tenantColumn, true)) {
            continue; // "SET tenant = tenant" keeps the row's tenant, as the rewrite itself writes it
          }
          requireTenantValue(value, tt);
          if (literalOf(value) != null && set.getValues() instanceof List<?>) {
            // The row already holds the tenant the literal must equal (rendering checks it), and
            // Citus accepts "SET tenant = tenant" where, with the tenant bound as a parameter in
            // WHERE, it cannot prove "SET tenant = <literal>" leaves the distribution column as it is.
            @SuppressWarnings("unchecked")
            List<Expression> values = (List<Expression>) set.getValues();
            values.set(i, new Column(qualifier(target), tt.column()));
          }
        }
      }
    }
  }

  private void requireTenantValue(Expression value, TenantTable tt) {
    if (value instanceof JdbcParameter parameter) {
      // its value is known when bound: marked so the JDBC layer checks it is the current tenant
      parameter.setParameterCharacter(Rewrite.CHECKED_PLACEHOLDER);
      return;
    }
    String literal = literalOf(value);
    if (literal == null) {
      throw new UnscopableStatementException("The tenant column " + tt.name() + "." + tt.column()
          + " may only be written with a bind parameter or the current tenant's literal, not " + value);
    }
    requiredLiterals.add(literal);
  }

  // ---------------------------------------------------------------- FROM clauses

  /**
   * A tenant-table reference waiting for its predicate; {@code slot} replaces it in its FROM
   * position, {@code null} for DML targets and DELETE ... USING tables.
   */
  private record Pending(Table table, TenantTable tenantTable, Consumer<FromItem> slot) {
  }

  private Pending pending(Table table, TenantTable tt, Consumer<FromItem> slot) {
    scoped.add(table);
    tenantTables.add(tt.name());
    return new Pending(table, tt, slot);
  }

  /**
   * Places the predicates of one FROM list: those for outer-join ON clauses are written here, and
   * the tables of FULL joins become filtered derived tables; what belongs in WHERE is added to
   * {@code where}. Comma-separated items are independent join trees (a comma binds more loosely
   * than JOIN), so a RIGHT or FULL join only moves the predicates of its own tree.
   */
  private void fromList(FromItem first, Consumer<FromItem> firstSlot, List<Join> joins, List<Pending> where) {
    List<Pending> tree = new ArrayList<>(pendingOf(first, firstSlot));
    if (joins != null) {
      for (Join join : joins) {
        List<Pending> right = pendingOf(join.getFromItem(), join::setFromItem);
        if (join.isSimple() && !join.isOuter() && !join.isLeft() && !join.isRight() && !join.isFull()) {
          where.addAll(tree);
          tree = new ArrayList<>(right);
        } else if (join.isFull()) {
          // Not in ON: PostgreSQL runs a FULL JOIN only when every ON condition is merge- or
          // hash-joinable, which a one-sided tenant predicate is not ("ON true" stops working).
          List<Pending> both = new ArrayList<>(tree);
          both.addAll(right);
          tree.clear();
          filterBeforeJoin(join, both, "FULL JOIN");
        } else if (join.isRight()) {
          place(join, tree, "RIGHT JOIN");
          tree = new ArrayList<>(right);
        } else if (join.isLeft()) {
          place(join, right, "LEFT JOIN");
        } else {
          tree.addAll(right); // inner, cross, natural
        }
      }
    }
    where.addAll(tree);
  }

  private List<Pending> pendingOf(FromItem item, Consumer<FromItem> slot) {
    if (item instanceof Table t) {
      TenantTable tt = refs.get(t);
      return tt == null ? List.of() : List.of(pending(t, tt, slot));
    }
    if (item instanceof ParenthesedFromItem p) {
      List<Pending> innerWhere = new ArrayList<>();
      fromList(p.getFromItem(), p::setFromItem, p.getJoins(), innerWhere);
      return innerWhere;
    }
    return List.of(); // subqueries, VALUES, functions: scoped as their own scopes
  }

  private static boolean hasOn(Join join) {
    return join.getOnExpressions() != null && !join.getOnExpressions().isEmpty();
  }

  /** Filters {@code pendings} in the join's ON, or, when it has none, in derived tables. */
  private void place(Join join, List<Pending> pendings, String kind) {
    if (pendings.isEmpty()) {
      return;
    }
    if (!hasOn(join)) {
      filterBeforeJoin(join, pendings, kind);
      return;
    }
    List<Expression> ons = new ArrayList<>(join.getOnExpressions());
    Expression last = ons.remove(ons.size() - 1);
    ons.add(conjoin(last, pendings, false));
    join.setOnExpressions(ons);
  }

  /** Replaces each table by {@code (SELECT * FROM t WHERE t.tenant = ?) alias}: exact under any join. */
  private void filterBeforeJoin(Join join, List<Pending> pendings, String kind) {
    for (Pending p : pendings) {
      if (p.slot() == null) {
        throw new UnscopableStatementException(kind + " around tenant table " + p.tenantTable().name()
            + " cannot be scoped; write the join with ON: " + join);
      }
    }
    for (Pending p : pendings) {
      p.slot().accept(filtered(p));
    }
  }

  private ParenthesedSelect filtered(Pending p) {
    Table table = p.table();
    Alias alias = table.getAlias() != null ? table.getAlias() : new Alias(table.getName(), false);
    table.setAlias(null); // the original node keeps TABLESAMPLE and the like, inside
    PlainSelect select = new PlainSelect().addSelectItem(new AllColumns()).withFromItem(table);
    select.setWhere(predicate(new Table(table.getName()), p.tenantTable()));
    ParenthesedSelect wrapped = new ParenthesedSelect().withSelect(select);
    wrapped.setAlias(alias);
    return wrapped;
  }

  // ---------------------------------------------------------------- predicates

  private Expression conjoin(Expression existing, List<Pending> pendings, boolean singleSource) {
    if (pendings.isEmpty()) {
      return existing;
    }
    Expression result = Conditions.repair(existing);
    List<Expression> conjuncts = Conditions.conjuncts(result);
    for (Pending p : pendings) {
      if (!alreadyFiltered(conjuncts, p, singleSource)) {
        result = and(result, predicate(qualifier(p.table()), p.tenantTable()));
      }
    }
    return result;
  }

  private static Expression and(Expression left, Expression right) {
    return Conditions.and(left, right);
  }

  private static EqualsTo predicate(Table qualifier, TenantTable tt) {
    return new EqualsTo(new Column(qualifier, tt.column()), slot());
  }

  private static Column slot() {
    return new Column(SLOT);
  }

  static Table qualifier(Table table) {
    if (table.getAlias() != null && table.getAlias().getName() != null) {
      return new Table(table.getAlias().getName());
    }
    return new Table(table.getName());
  }

  /**
   * Whether a top-level conjunct already pins this table's tenant column to a literal; records
   * the literal, and answers yes only when it is the tenant being rendered.
   */
  private boolean alreadyFiltered(List<Expression> conjuncts, Pending p, boolean singleSource) {
    String qualifier = TenantTable.normalize(qualifier(p.table()).getName());
    String column = TenantTable.normalize(p.tenantTable().column());
    for (Expression e : conjuncts) {
      if (e instanceof EqualsTo eq && present(pinned(eq, qualifier, column, singleSource))) {
        return true;
      }
    }
    return false;
  }

  private boolean present(String literal) {
    if (literal == null) {
      return false;
    }
    presentLiterals.add(literal);
    return literal.equals(assumedLiteral);
  }

  /** The literal {@code eq} compares the column with, or {@code null}. */
  private static String pinned(EqualsTo eq, String qualifier, String column, boolean singleSource) {
    if (sameColumn(eq.getLeftExpression(), qualifier, column, singleSource)) {
      return literalOf(eq.getRightExpression());
    }
    if (sameColumn(eq.getRightExpression(), qualifier, column, singleSource)) {
      return literalOf(eq.getLeftExpression());
    }
    return null;
  }

  private static boolean sameColumn(Expression e, String qualifier, String column, boolean singleSource) {
    if (!(e instanceof Column c) || !TenantTable.normalize(c.getColumnName()).equals(column)) {
      return false;
    }
    Table t = c.getTable();
    boolean qualified = t != null && t.getName() != null;
    return qualified ? TenantTable.normalize(t.getName()).equals(qualifier) : singleSource;
  }

  /**
   * The text of an integer or string literal, as {@link TenantType#literal} would print it; a
   * string cast to a type ({@code '…'::uuid}) counts as the string.
   */
  private static String literalOf(Expression e) {
    if (e instanceof LongValue l) {
      return l.getStringValue();
    }
    if (e instanceof SignedExpression s && s.getSign() == '-' && s.getExpression() instanceof LongValue l) {
      return "-" + l.getStringValue();
    }
    if (e instanceof CastExpression cast) {
      return cast.getLeftExpression() instanceof StringValue s ? stringLiteral(s) : null;
    }
    return e instanceof StringValue s ? stringLiteral(s) : null;
  }

  private static String stringLiteral(StringValue s) {
    String prefix = s.getPrefix();
    if (prefix == null) {
      return "'" + s.getValue() + "'";
    }
    // TenantType quotes strings with backslashes as E'...'; other prefixes (N, X, B, U&) are not tenant literals
    return prefix.equalsIgnoreCase("E") ? "E'" + s.getValue() + "'" : null;
  }
}
