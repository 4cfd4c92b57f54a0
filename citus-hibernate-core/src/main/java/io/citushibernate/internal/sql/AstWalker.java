package io.citushibernate.internal.sql;

import io.citushibernate.internal.mapping.TenantTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.OrderByClause;
import net.sf.jsqlparser.expression.PreferringClause;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ForPortionClause;
import net.sf.jsqlparser.statement.OutputClause;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OptionClause;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.Pivot;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.UnPivot;
import net.sf.jsqlparser.statement.select.WithFill;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Finds every query scope and every table reference of a parsed statement, through JSqlParser's
 * public visitor interfaces.
 *
 * <p>JSqlParser's own adapters (and {@code TablesNamesFinder}) skip whole clauses: ORDER BY,
 * FILTER, RETURNING, ON CONFLICT ... WHERE, the CTEs of UPDATE and DELETE. A table the walk
 * misses is a table left unscoped, so the walk implements the visitor interfaces itself and goes
 * into every part of every node that can hold a table or a query, clauses the adapters skip
 * included; nodes without such parts are listed as leaves. One visitor per family of nodes:
 * {@link AstStatements}, {@link AstQueries} (with pivots and pipe operators), {@link
 * AstFromItems}, {@link AstExpressions}; this class holds what is found, the CTE names in scope,
 * and the clauses several families share. A node type JSqlParser adds later either breaks
 * compilation (a new abstract visit method) or fails {@code AstWalkerCoverageTest} (a new
 * default visit method, a new node class, a new part of a node).
 *
 * <p>Each node comes before the nodes inside it (callers rely on outer scopes first), and the parts
 * of a node come in the order JSqlParser declares them, a query's own clauses before the WITH list
 * it inherits from {@code Select}: the order of the field-reading walk this one replaced (found
 * identical on the fuzzer's statements), so error messages name tables as before.
 */
final class AstWalker {
  /** What one walk found, each node before the nodes inside it. */
  record Found(List<Object> scopes, List<Table> tables) {
  }

  /** The WITH list of a query being walked, and how much of it a name may refer to. */
  static final class WithList {
    final List<WithItem<?>> items;
    final boolean recursive;
    /** Names see the first {@code visible} CTEs: all of them, except inside a non-recursive CTE. */
    int visible;

    WithList(List<WithItem<?>> items) {
      this.items = items;
      this.recursive = items.stream().anyMatch(WithItem::isRecursive);
      this.visible = items.size();
    }
  }

  private final List<Object> scopes = new ArrayList<>();
  private final List<Table> tables = new ArrayList<>();
  /** Tables, scopes and MERGE actions met so far. */
  private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The WITH lists around the node being walked, innermost last. */
  private final List<WithList> withLists = new ArrayList<>();

  final AstStatements statements = new AstStatements(this);
  final AstQueries queries = new AstQueries(this);
  final AstFromItems fromItems = new AstFromItems(this);
  final AstExpressions expressions = new AstExpressions(this);

  private AstWalker() {
  }

  /**
   * The SELECT/UPDATE/DELETE/INSERT scopes of {@code statement}, outermost first, its table
   * references except those that name a CTE in scope. Qualifiers ({@code a.col}, {@code a.*},
   * {@code FOR UPDATE OF a}) are not references.
   */
  static Found walk(Statement statement) {
    AstWalker walker = new AstWalker();
    walker.statement(statement);
    return new Found(walker.scopes, walker.tables);
  }

  // ---------------------------------------------------------------- what is found

  /** A table read by name: a reference unless the name is a CTE in scope. */
  void reference(Table table) {
    if (table != null && firstTime(table)) {
      if (!namesCte(table)) {
        tables.add(table);
      }
      tableParts(table);
    }
  }

  /** The table an INSERT, UPDATE, DELETE or MERGE writes: always a table, never a CTE. */
  void target(Table table) {
    if (table != null && firstTime(table)) {
      tables.add(table);
      tableParts(table);
    }
  }

  /** The parts of a table reference; its resolved table is never set by the parser. */
  private void tableParts(Table table) {
    pivot(table.getPivot());
    unPivot(table.getUnPivot());
  }

  /** Whether {@code node} is met for the first time: JSqlParser sometimes holds one node in two places. */
  boolean firstTime(Object node) {
    return seen.add(node);
  }

  /** A query level: a SELECT, or the statement level of an INSERT, UPDATE or DELETE. */
  void scope(Object query) {
    if (firstTime(query)) {
      scopes.add(query);
    }
  }

  /**
   * Whether {@code table} names a CTE visible where it stands. PostgreSQL resolves an unqualified
   * name against the WITH lists of the enclosing queries first; a non-recursive CTE sees only the
   * CTEs listed before it, never itself.
   */
  private boolean namesCte(Table table) {
    if (table.getSchemaName() != null || table.getName() == null || withLists.isEmpty()) {
      return false;
    }
    String name = TenantTable.normalize(table.getName());
    for (int i = withLists.size() - 1; i >= 0; i--) {
      WithList with = withLists.get(i);
      for (int k = 0; k < with.visible; k++) {
        WithItem<?> item = with.items.get(k);
        if (item.getAlias() != null && name.equals(TenantTable.normalize(item.getAlias().getName()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Opens the scope of a query's WITH list; {@link #leave} closes it. */
  WithList enter(List<WithItem<?>> items) {
    if (items == null || items.isEmpty()) {
      return null;
    }
    WithList with = new WithList(items);
    withLists.add(with);
    return with;
  }

  void leave(WithList with) {
    if (with != null) {
      withLists.remove(withLists.size() - 1);
    }
  }

  /** The CTEs of {@code with}, each seeing only those before it unless the list is recursive. */
  void withItems(WithList with) {
    if (with == null) {
      return;
    }
    for (int k = 0; k < with.items.size(); k++) {
      if (!with.recursive) {
        with.visible = k;
      }
      queries.visit(with.items.get(k), null);
    }
    with.visible = with.items.size();
  }

  // ---------------------------------------------------------------- dispatch

  /**
   * A part whose JSqlParser type has no visitor: {@code Object} (a JSON key, a SET name, a
   * RETURNING ... INTO target, a PURGE object) or an interface of DDL (see
   * {@link AstStatements#definition}).
   */
  void part(Object part) {
    if (part == null || part instanceof String || part instanceof Number || part instanceof Enum<?>) {
      return;
    }
    if (part instanceof Expression e) {
      expression(e);
    } else if (part instanceof Table t) {
      reference(t);
    } else {
      statements.definition(part);
    }
  }

  void statement(Statement statement) {
    if (statement != null) {
      statement.accept(statements, null);
    }
  }

  void statements(Collection<? extends Statement> list) {
    each(list, this::statement);
  }

  void select(Select select) {
    if (select != null) {
      select.accept(queries, null);
    }
  }

  void fromItem(FromItem item) {
    if (item != null) {
      item.accept(fromItems, null);
    }
  }

  void fromItems(Collection<? extends FromItem> items) {
    each(items, this::fromItem);
  }

  void expression(Expression expression) {
    if (expression != null) {
      expression.accept(expressions, null);
    }
  }

  void expressions(Collection<? extends Expression> list) {
    each(list, this::expression);
  }

  void selectItems(Collection<? extends SelectItem<?>> items) {
    each(items, item -> queries.visit(item, null));
  }

  void orderBy(List<OrderByElement> elements) {
    each(elements, e -> {
      expression(e.getExpression());
      WithFill fill = e.getWithFill();
      if (fill != null) {
        expression(fill.getFrom());
        expression(fill.getTo());
        expression(fill.getStep());
        expression(fill.getStaleness());
      }
    });
  }

  void orderBy(OrderByClause clause) {
    if (clause != null) {
      orderBy(clause.getOrderByElements());
    }
  }

  void limit(Limit limit) {
    if (limit != null) {
      expression(limit.getRowCount());
      expression(limit.getOffset());
      expression(limit.getByExpressions());
    }
  }

  void joins(List<Join> joins) {
    each(joins, this::join);
  }

  void join(Join join) {
    expressions(join.getOnExpressions());
    expressions(join.getUsingColumns());
    fromItem(join.getFromItem());
  }

  void updateSets(List<UpdateSet> sets) {
    each(sets, set -> {
      expression(set.getColumns());
      expression(set.getValues());
    });
  }

  void option(OptionClause option) {
    if (option != null) {
      each(option.getOptionHints(), hint -> {
        expression(hint.getValue());
        expression(hint.getParameters());
      });
    }
  }

  void preferring(PreferringClause preferring) {
    if (preferring != null) {
      expression(preferring.getPreferring());
      expression(preferring.getPartitionBy());
    }
  }

  void forPortion(ForPortionClause clause) {
    if (clause != null) {
      expression(clause.getFromExpression());
      expression(clause.getToExpression());
    }
  }

  void returning(ReturningClause returning) {
    if (returning != null) {
      selectItems(returning);
      each(returning.getDataItems(), this::part); // RETURNING ... INTO targets
    }
  }

  void output(OutputClause output) {
    if (output != null) {
      selectItems(output.getSelectItemList());
      reference(output.getOutputTable());
    }
  }

  void windowDefinition(WindowDefinition window) {
    if (window != null) {
      orderBy(window.getOrderBy());
      expression(window.getPartitionBy());
      windowElement(window.getWindowElement());
    }
  }

  void windowElement(WindowElement element) {
    if (element != null) {
      windowOffset(element.getOffset());
      if (element.getRange() != null) {
        windowOffset(element.getRange().getStart());
        windowOffset(element.getRange().getEnd());
      }
    }
  }

  void windowOffset(WindowOffset offset) {
    if (offset != null) {
      expression(offset.getExpression());
    }
  }

  void pivot(Pivot pivot) {
    if (pivot != null) {
      pivot.accept(queries, null);
    }
  }

  void unPivot(UnPivot unPivot) {
    if (unPivot != null) {
      queries.visit(unPivot, null);
    }
  }

  void groupBy(GroupByElement groupBy) {
    if (groupBy != null) {
      expression(groupBy.getGroupByExpressionList());
      each(groupBy.getGroupingSets(), this::expression);
    }
  }

  /** Runs {@code action} on each of {@code items}; JSqlParser leaves absent lists null. */
  static <T> void each(Collection<? extends T> items, Consumer<? super T> action) {
    if (items != null) {
      items.forEach(action);
    }
  }
}
