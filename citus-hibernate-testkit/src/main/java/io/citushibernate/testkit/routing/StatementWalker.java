package io.citushibernate.testkit.routing;

import static io.citushibernate.testkit.routing.SqlShapes.conjuncts;
import static io.citushibernate.testkit.routing.SqlShapes.unwrap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.AnyType;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Reads one statement into an {@link EqualityGraph}, as far as PostgreSQL derives equalities before
 * Citus prunes shards: a column equal to a constant or a bound parameter is pinned to it
 * ({@code c.company_id = 5}, {@code = ?}, {@code IN (5)}, {@code = ANY('{5}')},
 * {@code (company_id, id) = (5, 1)}); join conditions, {@code WHERE} equalities, uncorrelated
 * {@code IN} and {@code EXISTS} subqueries (pulled up into semi-joins), and derived tables and CTEs
 * that PostgreSQL pulls up link columns both ways.
 *
 * <p>Values flow into a derived table or CTE with {@code GROUP BY}, {@code DISTINCT}, aggregates or a
 * set operation, into {@code NOT EXISTS} and into the nullable side of an outer join, but not out.
 * Nothing crosses into or out of a subquery PostgreSQL plans on its own: scalar subqueries,
 * correlated {@code IN}, subqueries under {@code OR}, derived tables with {@code LIMIT} or
 * unpartitioned window functions, and CTEs that are materialized (referenced twice,
 * {@code MATERIALIZED}, volatile). A {@code WHERE} condition on the nullable side of an outer join
 * makes it an inner join. {@code IN} lists and {@code OR}s of several values pin a column to
 * several values. Constant expressions are not folded ({@code company_id = 1 + 0} pins nothing).
 */
final class StatementWalker {
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema");

  /** Outer-join context of an ON clause: which side a condition may restrict. */
  private record JoinSide(Set<TableRef> preserved, boolean full) {
  }

  private final Catalog catalog;
  private final Map<Integer, Object> parameters;
  private final List<TableRef> refs = new ArrayList<>();
  private final EqualityGraph graph = new EqualityGraph();
  private final ColumnResolver resolver = new ColumnResolver(graph);
  private final List<String> problems = new ArrayList<>();
  private final Set<TableRef> explained = new HashSet<>();
  private final List<Walk.DistributionUpdate> distributionUpdates = new ArrayList<>();
  private final List<Outputs> ctes = new ArrayList<>();
  private Walk.ReferenceTableWrite referenceTableWrite;
  private boolean write;

  private StatementWalker(Catalog catalog, Map<Integer, Object> parameters) {
    this.catalog = catalog;
    this.parameters = parameters == null ? Map.of() : parameters;
  }

  /**
   * What {@code statement}, run with {@code parameters} (1-based JDBC indexes; may be empty), says
   * about its tables; empty when it is not a query Citus plans (utility, DDL).
   */
  static Optional<Walk> walk(Statement statement, Catalog catalog, Map<Integer, Object> parameters) {
    StatementWalker walker = new StatementWalker(catalog, parameters);
    Scope root = new Scope(null, Flow.OPEN);
    if (statement instanceof Select select) {
      walker.select(select, root, Flow.OPEN);
    } else if (statement instanceof Insert insert) {
      walker.insert(insert, root);
    } else if (statement instanceof Update update) {
      walker.update(update, root);
    } else if (statement instanceof Delete delete) {
      walker.delete(delete, root);
    } else {
      return Optional.empty();
    }
    return Optional.of(walker.finish());
  }

  private Walk finish() {
    resolver.connectProxies();
    Set<TableRef> dropped = new HashSet<>();
    for (Outputs cte : ctes) {
      if (cte.references == 0 && cte.firstRef >= 0) {
        dropped.addAll(refs.subList(cte.firstRef, cte.endRef));
      }
    }
    List<TableRef> run = new ArrayList<>(refs);
    run.removeAll(dropped);
    return new Walk(run, graph, problems, explained, distributionUpdates, referenceTableWrite, write);
  }

  // ---- statements ----

  private Outputs select(Select select, Scope parent, Flow flow) {
    Scope scope = new Scope(parent, flow);
    withItems(select.getWithItemsList(), scope);
    Outputs out;
    if (select instanceof PlainSelect ps) {
      out = plainSelect(ps, scope);
    } else if (select instanceof SetOperationList set) {
      out = setOperation(set, scope);
    } else if (select instanceof ParenthesedSelect ps) {
      out = select(ps.getSelect(), scope, Flow.OPEN);
    } else if (select instanceof Values values) {
      scan(values.getExpressions(), scope);
      out = new Outputs();
      out.flow = Flow.SEALED;
    } else {
      out = new Outputs();
      out.flow = Flow.SEALED;
    }
    if (out.scope == null) {
      out.scope = scope;
    }
    if (select.getLimit() != null || select.getOffset() != null || select.getFetch() != null) {
      out.flow = Flow.SEALED;
    }
    if (select.getOrderByElements() != null) {
      for (OrderByElement o : select.getOrderByElements()) {
        scan(o.getExpression(), scope);
      }
    }
    return out;
  }

  /**
   * A set operation: PostgreSQL pushes outer restrictions into every branch, but does not derive
   * one from a branch's own restriction, so each output column feeds the branches' columns.
   */
  private Outputs setOperation(SetOperationList set, Scope scope) {
    Outputs out = new Outputs();
    out.scope = scope;
    out.flow = Flow.INWARD;
    out.branches = new ArrayList<>();
    for (Select branch : set.getSelects()) {
      out.branches.add(select(branch, scope, Flow.OPEN));
    }
    Outputs first = out.branches.isEmpty() ? null : out.branches.get(0);
    if (first != null) {
      out.star = first.star;
      for (int i = 0; i < first.names.size(); i++) {
        Node node = Node.made("column " + (i + 1) + " of a set operation");
        for (Outputs branch : out.branches) {
          String name = branch.names.size() > i ? branch.names.get(i) : null;
          Node inner = branch.nodes.size() > i ? branch.nodes.get(i) : null;
          if (inner != null && branch.flow(name) != Flow.SEALED) {
            graph.flow(node, inner);
          }
        }
        out.names.add(first.names.get(i));
        out.nodes.add(node);
      }
    }
    return out;
  }

  private void withItems(List<WithItem<?>> items, Scope scope) {
    if (items == null) {
      return;
    }
    for (WithItem<?> item : items) {
      // getSelect() and its siblings cast without checking: a data-modifying CTE would throw there.
      Object statement = item.getStatement();
      Outputs out;
      if (statement instanceof ParenthesedSelect select) {
        int first = refs.size();
        out = select(select, scope, Flow.OPEN);
        out.firstRef = first;
        out.endRef = refs.size();
        out.materialized = item.isMaterialized() || item.isRecursive()
            || SqlShapes.callsVolatileFunction(select.toString());
      } else if (statement instanceof ParenthesedInsert insert) {
        insert(insert.getInsert(), new Scope(scope, Flow.SEALED));
        out = new Outputs();
      } else if (statement instanceof ParenthesedUpdate update) {
        update(update.getUpdate(), new Scope(scope, Flow.SEALED));
        out = new Outputs();
      } else if (statement instanceof ParenthesedDelete delete) {
        delete(delete.getDelete(), new Scope(scope, Flow.SEALED));
        out = new Outputs();
      } else {
        continue;
      }
      out.cte = true;
      if (item.getWithItemList() != null) {
        // WITH x(a, b) AS (...): the declared names replace the select's.
        for (int i = 0; i < item.getWithItemList().size() && i < out.names.size(); i++) {
          out.names.set(i, Catalog.normalize(item.getWithItemList().get(i).toString()));
        }
      }
      scope.ctes.put(Catalog.normalize(item.getAliasName()), out);
      ctes.add(out);
    }
  }

  private Outputs plainSelect(PlainSelect ps, Scope scope) {
    from(ps.getFromItem(), ps.getJoins(), ps.getWhere(), scope);
    conditions(ps.getWhere(), scope, null);
    Outputs out = new Outputs();
    out.scope = scope;
    boolean aggregates = false;
    Set<String> partitioned = null;
    for (SelectItem<?> item : ps.getSelectItems()) {
      Expression e = item.getExpression();
      if (e instanceof AllColumns) {
        out.star = true;
        continue;
      }
      SqlShapes.Shape shape = SqlShapes.shape(e);
      aggregates |= shape.aggregate;
      for (List<String> partition : shape.partitions) {
        if (partitioned == null) {
          partitioned = new HashSet<>(partition);
        } else {
          partitioned.retainAll(partition);
        }
      }
      String name = item.getAlias() != null ? Catalog.normalize(item.getAlias().getName())
          : e instanceof Column c ? Catalog.normalize(c.getColumnName()) : null;
      Node node = resolver.columnNode(e, scope);
      if (node == null) {
        Value value = Value.of(e, parameters);
        if (value != null) {
          node = Node.made("constant " + value.shown());
          graph.pin(node, value);
        } else {
          scan(e, scope);
        }
      }
      out.names.add(name);
      out.nodes.add(node);
    }
    if (partitioned != null) {
      // A restriction on a column goes below window functions only when every window is partitioned by it.
      Set<String> pushable = new HashSet<>();
      for (int i = 0; i < ps.getSelectItems().size() && i < out.names.size(); i++) {
        Expression e = ps.getSelectItems().get(i).getExpression();
        if (e instanceof Column c && partitioned.contains(Catalog.normalize(c.getColumnName()))) {
          pushable.add(out.names.get(i));
        }
      }
      if (out.star) {
        pushable.addAll(partitioned);
      }
      out.partitioned = pushable;
    }
    GroupByElement groupBy = ps.getGroupBy();
    if (groupBy != null && groupBy.getGroupByExpressionList() != null) {
      scan(groupBy.getGroupByExpressionList(), scope);
    }
    scan(ps.getHaving(), scope);
    if (ps.getDistinct() != null || groupBy != null || ps.getHaving() != null || aggregates || partitioned != null) {
      out.flow = Flow.INWARD;
    }
    return out;
  }

  private void insert(Insert insert, Scope scope) {
    withItems(insert.getWithItemsList(), scope);
    TableRef target = tableRef(insert.getTable(), scope);
    Node targetNode = null;
    int index = -1;
    if (target != null && target.distributed()) {
      write = true;
      targetNode = resolver.node(target, target.distributionColumn);
      if (insert.getColumns() == null || insert.getColumns().isEmpty()) {
        explain(target, "INSERT into " + target.table + " has no column list, so the value of "
            + target.distributionColumn + " cannot be found; name the columns");
      } else {
        for (int i = 0; i < insert.getColumns().size(); i++) {
          if (Catalog.normalize(insert.getColumns().get(i).getColumnName()).equals(target.distributionColumn)) {
            index = i;
          }
        }
        if (index < 0) {
          explain(target, "INSERT into " + target.table + " does not set its distribution column "
              + target.distributionColumn + "; Citus refuses an INSERT without a partition column value");
        }
      }
    }
    if (insert.getSelect() instanceof Values values) {
      List<ExpressionList<?>> rows = rows(values.getExpressions());
      int r = 0;
      for (ExpressionList<?> row : rows) {
        r++;
        for (Expression e : row) {
          scan(e, scope);
        }
        if (targetNode != null && index >= 0) {
          Expression e = index < row.size() ? row.get(index) : null;
          Value value = e == null ? null : Value.of(e, parameters);
          if (value == null && e != null && !SqlShapes.hasSubquery(e) && !SqlShapes.mentionsColumn(e)) {
            // Citus evaluates an expression without columns (now(), nextval(...), 1 + 1) on the
            // coordinator, then routes the row by its value. DEFAULT reads as a column here: refused.
            value = Value.unknown(e.toString());
          }
          if (value == null) {
            explain(target, "INSERT into " + target.table + (rows.size() > 1 ? " row " + r : "")
                + ": " + target.distributionColumn + " is not a constant or bound parameter ("
                + (e != null ? e : "missing") + ")");
          } else {
            graph.pin(targetNode, value);
          }
        }
      }
    } else if (insert.getSelect() != null) {
      Outputs out = select(insert.getSelect(), scope, Flow.OPEN);
      if (targetNode != null && index >= 0) {
        List<Outputs> sources = out.branches != null ? out.branches : List.of(out);
        for (Outputs source : sources) {
          Node node = index < source.nodes.size() ? source.nodes.get(index) : null;
          if (node == null) {
            explain(target, "INSERT ... SELECT into " + target.table + ": the selected value for "
                + target.distributionColumn + " is neither a column nor a constant");
          } else if (out.branches != null) {
            graph.flow(node, targetNode);
          } else {
            graph.link(targetNode, node);
          }
        }
      }
    }
    if (insert.getConflictAction() != null) {
      if (insert.getConflictAction().getUpdateSets() != null) {
        for (UpdateSet set : insert.getConflictAction().getUpdateSets()) {
          scan(set.getValues(), scope);
        }
      }
      scan(insert.getConflictAction().getWhereExpression(), scope);
    }
  }

  private List<ExpressionList<?>> rows(ExpressionList<?> expressions) {
    List<ExpressionList<?>> rows = new ArrayList<>();
    if (expressions instanceof ParenthesedExpressionList<?>) {
      rows.add(expressions);
      return rows;
    }
    for (Expression e : expressions) {
      if (e instanceof ExpressionList<?> row) {
        rows.add(row);
      } else {
        rows.add(new ExpressionList<>(e));
      }
    }
    return rows;
  }

  private void update(Update update, Scope scope) {
    withItems(update.getWithItemsList(), scope);
    int start = refs.size();
    TableRef target = changed(update.getTable(), scope, "UPDATE");
    List<Join> joins = new ArrayList<>();
    if (update.getStartJoins() != null) {
      joins.addAll(update.getStartJoins());
    }
    if (update.getFromItem() != null) {
      fromItem(update.getFromItem(), scope, update.getWhere());
    }
    if (update.getJoins() != null) {
      joins.addAll(update.getJoins());
    }
    joins(joins, scope, start, update.getWhere());
    conditions(update.getWhere(), scope, null);
    if (update.getUpdateSets() != null) {
      for (UpdateSet set : update.getUpdateSets()) {
        for (int i = 0; i < set.getColumns().size(); i++) {
          Column c = set.getColumns().get(i);
          if (target != null && target.distributed()
              && Catalog.normalize(c.getColumnName()).equals(target.distributionColumn)) {
            Expression value = set.getColumns().size() == set.getValues().size() ? set.getValues().get(i) : null;
            Value constant = value == null ? null : Value.of(value, parameters);
            Node own = resolver.node(target, target.distributionColumn);
            if (value != null && own == resolver.columnNode(unwrap(value), scope)) {
              continue; // SET company_id = company_id
            }
            if (constant != null && constant.isKnown()) {
              distributionUpdates.add(new Walk.DistributionUpdate(target, constant.text()));
            } else {
              explain(target, "UPDATE sets the distribution column " + target.distributionColumn + " of "
                  + target.table + "; Citus does not move rows between shards");
            }
          }
        }
        scan(set.getValues(), scope);
      }
    }
  }

  private void delete(Delete delete, Scope scope) {
    withItems(delete.getWithItemsList(), scope);
    int start = refs.size();
    TableRef target = changed(delete.getTable(), scope, "DELETE");
    if (delete.getUsingFromItemList() != null) {
      for (FromItem item : delete.getUsingFromItemList()) {
        fromItem(item, scope, delete.getWhere());
      }
    }
    joins(delete.getJoins(), scope, start, delete.getWhere());
    conditions(delete.getWhere(), scope, null);
  }

  /** The table an UPDATE or DELETE ({@code statement}) changes, noted as a write. */
  private TableRef changed(Table table, Scope scope, String statement) {
    TableRef target = tableRef(table, scope);
    if (target != null && target.distributed()) {
      write = true;
    }
    if (target != null && target.kind == Catalog.Kind.REFERENCE && target.derived == null
        && referenceTableWrite == null) {
      referenceTableWrite = new Walk.ReferenceTableWrite(target, statement);
    }
    return target;
  }

  private void explain(TableRef ref, String problem) {
    explained.add(ref);
    problems.add(problem);
  }

  // ---- FROM ----

  /** A FROM clause: its items first, then the join conditions, knowing which outer joins {@code where} makes inner. */
  private void from(FromItem first, List<Join> joins, Expression where, Scope scope) {
    int start = refs.size();
    if (first != null) {
      fromItem(first, scope, where);
    }
    joins(joins, scope, start, where);
  }

  private void fromItem(FromItem item, Scope scope, Expression where) {
    if (item instanceof Table t) {
      tableRef(t, scope);
    } else if (item instanceof ParenthesedSelect ps) {
      // A subquery PostgreSQL pulls up is part of this query; any other is planned on its own,
      // and a LATERAL reference from inside it to this level pins nothing.
      Flow flow = SqlShapes.pulledUp(ps) ? Flow.OPEN : Flow.SEALED;
      Outputs out = select(ps, scope, flow);
      String alias = ps.getAlias() == null ? "subquery" + refs.size() : Catalog.normalize(ps.getAlias().getName());
      TableRef ref = new TableRef(alias, Catalog.Kind.UNKNOWN, null, scope, out, alias);
      refs.add(ref);
      scope.byName.put(alias, ref);
    } else if (item instanceof ParenthesedFromItem pf) {
      from(pf.getFromItem(), pf.getJoins(), where, scope);
    }
  }

  private TableRef tableRef(Table t, Scope scope) {
    if (t == null || t.getName() == null) {
      return null;
    }
    String schema = t.getSchemaName() == null ? null : Catalog.normalize(t.getSchemaName());
    if (schema != null && SYSTEM_SCHEMAS.contains(schema)) {
      return null;
    }
    String name = Catalog.normalize(t.getName());
    String visible = t.getAlias() == null ? name : Catalog.normalize(t.getAlias().getName());
    Outputs cte = schema == null ? scope.cte(name) : null;
    TableRef ref;
    if (cte != null) {
      cte.references++;
      ref = new TableRef(name, Catalog.Kind.UNKNOWN, null, scope, cte, visible);
    } else {
      // the catalog normalizes what it is given: the name as written, so "Events" keeps its case
      ref = new TableRef(name, catalog.kindOf(t.getName()), catalog.distributionColumn(t.getName()), scope, null,
          visible.equals(name) ? name : name + " " + visible);
    }
    refs.add(ref);
    scope.byName.put(visible, ref);
    return ref;
  }

  private void joins(List<Join> joins, Scope scope, int start, Expression where) {
    if (joins == null || joins.isEmpty()) {
      return;
    }
    int[] marks = new int[joins.size()];
    int[] ends = new int[joins.size()];
    for (int i = 0; i < joins.size(); i++) {
      marks[i] = refs.size();
      fromItem(joins.get(i).getFromItem(), scope, where);
      ends[i] = refs.size();
    }
    // A WHERE condition that no null satisfies turns an outer join into an inner one (PostgreSQL's
    // reduce_outer_joins), so the ON equalities of that join pin both sides.
    Set<TableRef> strict = strictRefs(where, scope);
    for (int i = 0; i < joins.size(); i++) {
      Join join = joins.get(i);
      Set<TableRef> left = new HashSet<>(refs.subList(start, marks[i]));
      Set<TableRef> right = new HashSet<>(refs.subList(marks[i], ends[i]));
      boolean leftStrict = !Collections.disjoint(left, strict);
      boolean rightStrict = !Collections.disjoint(right, strict);
      JoinSide side = null;
      if (join.isFull()) {
        if (leftStrict && !rightStrict) {
          side = new JoinSide(left, false);
        } else if (rightStrict && !leftStrict) {
          side = new JoinSide(right, false);
        } else if (!leftStrict) {
          side = new JoinSide(Set.of(), true);
        }
      } else if (join.isLeft() && !rightStrict) {
        side = new JoinSide(left, false);
      } else if (join.isRight() && !leftStrict) {
        side = new JoinSide(right, false);
      }
      if (join.getOnExpressions() != null) {
        for (Expression on : join.getOnExpressions()) {
          conditions(on, scope, side);
        }
      }
      if (join.getUsingColumns() != null) {
        for (Column c : join.getUsingColumns()) {
          String col = Catalog.normalize(c.getColumnName());
          Node l = scope.merged.containsKey(col) ? scope.merged.get(col)
              : resolver.uniqueColumn(refs.subList(start, marks[i]), scope, col);
          Node r = resolver.uniqueColumn(refs.subList(marks[i], ends[i]), scope, col);
          if (l != null && r != null) {
            equate(l, r, scope, side);
            if (side == null || !side.full()) {
              scope.merged.put(col, side != null && side.preserved() == right ? r : l);
            }
          }
        }
      }
    }
  }

  /** The tables of this level that a top-level WHERE condition requires to be non-null. */
  private Set<TableRef> strictRefs(Expression where, Scope scope) {
    Set<TableRef> strict = new HashSet<>();
    if (where == null) {
      return strict;
    }
    for (Expression c : conjuncts(where)) {
      List<Expression> operands = new ArrayList<>();
      if (c instanceof ComparisonOperator op) {
        operands.add(op.getLeftExpression());
        operands.add(op.getRightExpression());
      } else if (c instanceof InExpression in && !in.isNot()) {
        operands.add(in.getLeftExpression());
      } else if (c instanceof Between b && !b.isNot()) {
        operands.add(b.getLeftExpression());
      } else if (c instanceof IsNullExpression n && n.isNot()) {
        operands.add(n.getLeftExpression());
      } else if (c instanceof LikeExpression l && !l.isNot()) {
        operands.add(l.getLeftExpression());
      }
      for (Expression operand : operands) {
        Expression e = unwrap(operand);
        while (e instanceof CastExpression cast) {
          e = unwrap(cast.getLeftExpression());
        }
        List<Expression> columns = new ArrayList<>();
        if (e instanceof ExpressionList<?> list) {
          list.forEach(columns::add);
        } else {
          columns.add(e);
        }
        for (Expression column : columns) {
          Node node = resolver.columnNode(unwrap(column), scope);
          TableRef ref = node == null ? null : node.ref();
          if (ref != null && ref.scope == scope) {
            strict.add(ref);
          }
        }
      }
    }
    return strict;
  }

  // ---- conditions ----

  private void conditions(Expression where, Scope scope, JoinSide side) {
    if (where == null) {
      return;
    }
    for (Expression c : conjuncts(where)) {
      condition(c, scope, side);
    }
  }

  private void condition(Expression c, Scope scope, JoinSide side) {
    if (c instanceof EqualsTo eq) {
      Expression l = unwrap(eq.getLeftExpression());
      Expression r = unwrap(eq.getRightExpression());
      if (r instanceof Function f && SqlShapes.isAny(f)) {
        any(resolver.columnNode(l, scope), f, scope, side);
        return;
      }
      if (r instanceof AnyComparisonExpression any && any.getAnyType() != AnyType.ALL && any.getSelect() != null) {
        inSubquery(l, any.getSelect(), scope, side);
        return;
      }
      if (l instanceof ExpressionList<?> ll && r instanceof ExpressionList<?> rl && ll.size() == rl.size()) {
        // (company_id, id) = (1, 5): PostgreSQL compares column by column
        for (int i = 0; i < ll.size(); i++) {
          condition(new EqualsTo(ll.get(i), rl.get(i)), scope, side);
        }
        return;
      }
      Node nl = resolver.columnNode(l, scope);
      Node nr = resolver.columnNode(r, scope);
      if (nl != null && nr != null) {
        equate(nl, nr, scope, side);
        return;
      }
      Value vl = Value.of(l, parameters);
      Value vr = Value.of(r, parameters);
      if (nl != null && vr != null) {
        restrict(nl, vr, scope, side);
      } else if (nr != null && vl != null) {
        restrict(nr, vl, scope, side);
      } else {
        scan(l, scope);
        scan(r, scope);
      }
    } else if (c instanceof InExpression in && !in.isNot()) {
      Expression left = unwrap(in.getLeftExpression());
      Expression right = in.getRightExpression();
      if (right instanceof Select sub) {
        inSubquery(left, sub, scope, side);
      } else if (left instanceof ExpressionList<?> columns && right instanceof ExpressionList<?> list) {
        rowIn(columns, list, scope, side);
      } else if (right instanceof ExpressionList<?> list && resolver.columnNode(left, scope) != null) {
        Node nl = resolver.columnNode(left, scope);
        List<Value> values = new ArrayList<>();
        for (Expression e : list) {
          Value v = Value.of(e, parameters);
          if (v == null) {
            scan(e, scope);
            return;
          }
          values.add(v);
        }
        restrictAll(nl, values, "IN list", scope, side);
      } else {
        scan(c, scope);
      }
    } else if (c instanceof ExistsExpression exists && exists.getRightExpression() instanceof Select sub) {
      exists(sub, exists.isNot(), scope);
    } else if (c instanceof NotExpression not && unwrap(not.getExpression()) instanceof ExistsExpression exists
        && !exists.isNot() && exists.getRightExpression() instanceof Select sub) {
      exists(sub, true, scope);
    } else if (c instanceof OrExpression or) {
      or(or, scope, side);
    } else {
      scan(c, scope);
    }
  }

  /**
   * {@code EXISTS}: PostgreSQL pulls a simple one up into a semi-join ({@code NOT EXISTS}: an
   * anti-join, which takes values from the outer query but gives none); others are subplans.
   */
  private void exists(Select sub, boolean not, Scope scope) {
    Flow flow = !SqlShapes.existsPulledUp(sub) ? Flow.SEALED : not ? Flow.INWARD : Flow.OPEN;
    select(sub, scope, flow);
  }

  /**
   * {@code x IN (SELECT ...)}: PostgreSQL pulls an uncorrelated subquery up into a semi-join, so
   * {@code x} and the selected column are equal; a correlated one stays a subplan.
   */
  private void inSubquery(Expression left, Select sub, Scope scope, JoinSide side) {
    Outputs out = select(sub, scope, Flow.SEALED);
    if (out.scope.correlated) {
      return;
    }
    List<Expression> columns = new ArrayList<>();
    if (left instanceof ExpressionList<?> list) {
      list.forEach(columns::add);
    } else {
      columns.add(left);
    }
    for (int i = 0; i < columns.size() && i < out.nodes.size(); i++) {
      Node outer = resolver.columnNode(unwrap(columns.get(i)), scope);
      Node inner = out.nodes.get(i);
      if (outer == null || inner == null) {
        continue;
      }
      Flow flow = out.flow(out.names.get(i));
      if (flow == Flow.OPEN) {
        equate(outer, inner, scope, side);
      } else if (flow == Flow.INWARD) {
        graph.flow(outer, inner);
      }
    }
  }

  /** {@code (company_id, id) IN ((1, 5), (1, 6))}: each column against its values. */
  private void rowIn(ExpressionList<?> columns, ExpressionList<?> rows, Scope scope, JoinSide side) {
    for (int i = 0; i < columns.size(); i++) {
      Node node = resolver.columnNode(unwrap(columns.get(i)), scope);
      if (node == null) {
        continue;
      }
      List<Value> values = new ArrayList<>();
      for (Expression row : rows) {
        Expression e = row instanceof ExpressionList<?> list && list.size() == columns.size() ? list.get(i) : null;
        Value v = e == null ? null : Value.of(e, parameters);
        if (v == null) {
          values = null;
          break;
        }
        values.add(v);
      }
      if (values != null) {
        restrictAll(node, values, "IN list", scope, side);
      }
    }
    for (Expression row : rows) {
      scan(row, scope);
    }
  }

  /** {@code a = 1 OR a = 2}: pins {@code a} when every branch pins it, to several values when they differ. */
  private void or(OrExpression or, Scope scope, JoinSide side) {
    List<Expression> branches = new ArrayList<>();
    SqlShapes.disjuncts(or, branches);
    Map<Node, List<Value>> common = null;
    for (Expression branch : branches) {
      Map<Node, List<Value>> pinned = new LinkedHashMap<>();
      List<Expression> equalities = new ArrayList<>();
      for (Expression c : conjuncts(branch)) {
        if (c instanceof EqualsTo eq && unwrap(eq.getLeftExpression()) instanceof ExpressionList<?> ll
            && unwrap(eq.getRightExpression()) instanceof ExpressionList<?> rl && ll.size() == rl.size()) {
          for (int i = 0; i < ll.size(); i++) {
            equalities.add(new EqualsTo(ll.get(i), rl.get(i)));
          }
        } else {
          equalities.add(c);
        }
      }
      for (Expression c : equalities) {
        if (c instanceof EqualsTo eq) {
          Expression l = unwrap(eq.getLeftExpression());
          Expression r = unwrap(eq.getRightExpression());
          Node node = resolver.columnNode(l, scope);
          Value value = Value.of(r, parameters);
          if (node == null || value == null) {
            node = resolver.columnNode(r, scope);
            value = Value.of(l, parameters);
          }
          if (node != null && value != null) {
            pinned.computeIfAbsent(node, k -> new ArrayList<>()).add(value);
          }
        }
      }
      if (common == null) {
        common = pinned;
      } else {
        common.keySet().retainAll(pinned.keySet());
        for (Map.Entry<Node, List<Value>> e : common.entrySet()) {
          e.getValue().addAll(pinned.get(e.getKey()));
        }
      }
    }
    if (common != null) {
      for (Map.Entry<Node, List<Value>> e : common.entrySet()) {
        restrictAll(e.getKey(), e.getValue(), "OR of", scope, side);
      }
    }
    scan(or, scope);
  }

  private void any(Node node, Function any, Scope scope, JoinSide side) {
    Expression array = any.getParameters() == null || any.getParameters().isEmpty() ? null
        : any.getParameters().get(0);
    List<Value> values = array == null ? null : Value.ofArray(array, parameters);
    if (node == null) {
      scan(any, scope);
    } else if (values == null) {
      restrict(node, Value.several("= ANY(" + any.getParameters() + ") with an array of unknown size"), scope, side);
    } else {
      restrictAll(node, values, "= ANY array of", scope, side);
    }
  }

  /** {@code node} takes one of {@code values} (from {@code what}): one value pins it, several spread it. */
  private void restrictAll(Node node, List<Value> values, String what, Scope scope, JoinSide side) {
    Set<String> distinct = new TreeSet<>();
    boolean unknown = false;
    for (Value v : values) {
      if (v.isUnknown()) {
        unknown = true;
      } else {
        distinct.add(v.text());
      }
    }
    if (distinct.size() == 1 && !unknown) {
      restrict(node, Value.known(distinct.iterator().next()), scope, side);
    } else if (values.size() == 1) {
      restrict(node, values.get(0), scope, side);
    } else if (!values.isEmpty()) {
      restrict(node, Value.several(what + " " + values.size() + " values "
          + values.stream().map(Value::shown).toList()), scope, side);
    }
  }

  // ---- the graph ----

  /** How a condition in {@code scope} reaches the table of {@code node}: through which subquery boundaries. */
  private Flow reach(Node node, Scope scope) {
    TableRef r = node.ref();
    Flow flow = Flow.OPEN;
    if (r == null) {
      return flow;
    }
    for (Scope s = scope; s != null && !r.scope.isWithin(s); s = s.parent) {
      if (s.flow == Flow.SEALED) {
        return Flow.SEALED;
      }
      if (s.flow == Flow.INWARD) {
        flow = Flow.INWARD;
      }
    }
    return flow;
  }

  /** Whether a condition in {@code scope} restricts {@code node}'s table. */
  private boolean canRestrict(Node node, Scope scope, JoinSide side) {
    TableRef r = node.ref();
    if (r != null && side != null && (side.full() || side.preserved().contains(r))) {
      return false;
    }
    return reach(node, scope) == Flow.OPEN;
  }

  private void equate(Node a, Node b, Scope scope, JoinSide side) {
    if (reach(a, scope) == Flow.SEALED || reach(b, scope) == Flow.SEALED) {
      return;
    }
    boolean ia = canRestrict(a, scope, side);
    boolean ib = canRestrict(b, scope, side);
    if (ia && ib) {
      graph.link(a, b);
    } else if (ia) {
      graph.flow(b, a);
    } else if (ib) {
      graph.flow(a, b);
    }
  }

  private void restrict(Node node, Value value, Scope scope, JoinSide side) {
    if (canRestrict(node, scope, side)) {
      graph.pin(node, value);
    }
  }

  // ---- subqueries elsewhere: subplans, pinned only by their own constants ----

  private void scan(Expression e, Scope scope) {
    for (Select s : SqlShapes.subqueries(e)) {
      select(s, scope, Flow.SEALED);
    }
  }
}
