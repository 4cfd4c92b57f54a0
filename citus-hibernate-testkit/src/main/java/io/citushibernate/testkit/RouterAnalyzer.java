package io.citushibernate.testkit;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
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
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Applies the rules of Citus' router planner to a statement, independently of the statement
 * rewriter: a statement goes to one shard when every distributed table in it is pinned to the
 * same distribution column value.
 *
 * <p>A table is pinned by an equality of its distribution column with a constant or a bound
 * parameter ({@code c.company_id = 5}, {@code = ?}, {@code IN (5)}), or through a chain of
 * equalities with pinned columns: join conditions, {@code WHERE} equalities, {@code IN} and
 * {@code EXISTS} subqueries (which PostgreSQL pulls up into semi-joins), derived tables and CTEs.
 * Values flow into, never out of, correlated subqueries that are not pulled up (scalar
 * subqueries, {@code NOT EXISTS}, subqueries under {@code OR}) and from the preserved to the
 * nullable side of outer joins. {@code IN} lists and {@code OR}s of several values, and tables
 * pinned to different values, span several shards. Reference tables are free; local tables in a
 * statement on distributed tables are reported.
 */
final class RouterAnalyzer {
  private static final String MULTI = "\u0000multi:";
  private static final String UNKNOWN = "\u0000?";
  private static final Pattern QUERY = Pattern.compile("\\s*\\(*\\s*(select|insert|update|delete|with|values|merge|table)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema");

  private final Catalog catalog;
  private final Map<String, Object> parsed = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
      return size() > 2048;
    }
  });

  RouterAnalyzer(Catalog catalog) {
    this.catalog = catalog;
  }

  Catalog catalog() {
    return catalog;
  }

  /** The verdict on {@code sql} run with {@code parameters} (1-based JDBC indexes; may be empty). */
  Verdict analyze(String sql, Map<Integer, Object> parameters) {
    Object p = parsed.computeIfAbsent(sql, RouterAnalyzer::parse);
    if (p instanceof String failure) {
      Set<String> named = namedDistributedTables(sql);
      if (named.isEmpty() || !QUERY.matcher(sql).lookingAt()) {
        return new Verdict(Verdict.Kind.NOT_A_QUERY, null, Set.of(), false, List.of());
      }
      return new Verdict(Verdict.Kind.UNPARSEABLE, null, named, false,
          List.of("the statement names distributed table(s) " + named + " but cannot be parsed (" + failure
              + "), so its routing cannot be proven"));
    }
    Statements statements = (Statements) p;
    if (statements.size() == 1) {
      return new Analysis(parameters).run(statements.get(0));
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (Statement s : statements) {
      verdicts.add(new Analysis(parameters).run(s));
    }
    return combine(verdicts);
  }

  private static Object parse(String sql) {
    try {
      return CCJSqlParserUtil.parseStatements(sql);
    } catch (JSQLParserException | RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      int nl = message.indexOf('\n');
      return nl > 0 ? message.substring(0, nl) : message;
    }
  }

  private Set<String> namedDistributedTables(String sql) {
    Set<String> named = new TreeSet<>();
    for (String table : catalog.distributed().keySet()) {
      if (Pattern.compile("(?i)(?<![\\w$])\"?" + Pattern.quote(table) + "\"?(?![\\w$])").matcher(sql).find()) {
        named.add(table);
      }
    }
    return named;
  }

  private static Verdict combine(List<Verdict> verdicts) {
    Verdict.Kind worst = Verdict.Kind.NOT_A_QUERY;
    Set<String> tables = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    Set<String> tenants = new HashSet<>();
    boolean write = false;
    for (Verdict v : verdicts) {
      if (v.kind().ordinal() > worst.ordinal()) {
        worst = v.kind();
      }
      tables.addAll(v.tables());
      problems.addAll(v.problems());
      write |= v.write();
      if (v.tenant() != null) {
        tenants.add(v.tenant());
      }
    }
    return new Verdict(worst, tenants.size() == 1 ? tenants.iterator().next() : null, tables, write, problems);
  }

  /** A table, CTE or derived table in a FROM clause. */
  private static final class Ref {
    final int id;
    final String table;
    final Catalog.Kind kind;
    final String distributionColumn;
    final Scope scope;
    final Outputs derived;
    final String display;

    Ref(int id, String table, Catalog.Kind kind, String distributionColumn, Scope scope, Outputs derived,
        String display) {
      this.id = id;
      this.table = table;
      this.kind = kind;
      this.distributionColumn = distributionColumn;
      this.scope = scope;
      this.derived = derived;
      this.display = display;
    }

    boolean distributed() {
      return kind == Catalog.Kind.DISTRIBUTED && derived == null;
    }
  }

  /** One query level: the names its FROM clause makes visible, and its CTEs. */
  private static final class Scope {
    final Scope parent;
    final boolean barrier;
    final Map<String, Ref> byName = new LinkedHashMap<>();
    final Map<String, Outputs> ctes = new HashMap<>();

    Scope(Scope parent, boolean barrier) {
      this.parent = parent;
      this.barrier = barrier;
    }

    boolean isWithin(Scope ancestor) {
      for (Scope s = this; s != null; s = s.parent) {
        if (s == ancestor) {
          return true;
        }
      }
      return false;
    }

    Scope innermostBarrier() {
      for (Scope s = this; s != null; s = s.parent) {
        if (s.barrier) {
          return s;
        }
      }
      return null;
    }

    Outputs cte(String name) {
      for (Scope s = this; s != null; s = s.parent) {
        Outputs o = s.ctes.get(name);
        if (o != null) {
          return o;
        }
      }
      return null;
    }
  }

  /** The columns a query level returns: names and the nodes that hold their values. */
  private static final class Outputs {
    final List<String> names = new ArrayList<>();
    final List<String> nodes = new ArrayList<>();
    Scope scope;
    boolean star;

    String first() {
      return nodes.isEmpty() ? null : nodes.get(0);
    }
  }

  /** Outer-join context of an ON clause: which side a condition may restrict. */
  private record JoinSide(Set<Ref> preserved, boolean full) {
  }

  /** The equalities of one statement and what they pin. */
  private final class Analysis {
    private final Map<Integer, Object> parameters;
    private final List<Ref> refs = new ArrayList<>();
    private final Map<String, Ref> nodeRefs = new HashMap<>();
    private final Map<String, Set<String>> undirected = new HashMap<>();
    private final Map<String, Set<String>> directed = new HashMap<>();
    private final Map<String, Set<String>> pins = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<Ref> explained = new HashSet<>();
    private boolean write;
    private int constants;

    Analysis(Map<Integer, Object> parameters) {
      this.parameters = parameters == null ? Map.of() : parameters;
    }

    Verdict run(Statement statement) {
      Scope root = new Scope(null, false);
      if (statement instanceof Select select) {
        select(select, root, false);
      } else if (statement instanceof Insert insert) {
        insert(insert, root);
      } else if (statement instanceof Update update) {
        update(update, root);
      } else if (statement instanceof Delete delete) {
        delete(delete, root);
      } else {
        return new Verdict(Verdict.Kind.NOT_A_QUERY, null, Set.of(), false, List.of());
      }
      return evaluate();
    }

    // ---- statements ----

    Outputs select(Select select, Scope parent, boolean barrier) {
      Scope scope = new Scope(parent, barrier);
      withItems(select.getWithItemsList(), scope);
      Outputs out;
      if (select instanceof PlainSelect ps) {
        out = plainSelect(ps, scope);
      } else if (select instanceof SetOperationList set) {
        out = null;
        for (Select branch : set.getSelects()) {
          Outputs o = select(branch, scope, false);
          if (out == null) {
            out = o;
          }
        }
        if (out == null) {
          out = new Outputs();
        }
      } else if (select instanceof ParenthesedSelect ps) {
        out = select(ps.getSelect(), scope, false);
      } else if (select instanceof Values values) {
        scan(values.getExpressions(), scope);
        out = new Outputs();
        out.scope = scope;
      } else {
        out = new Outputs();
        out.scope = scope;
      }
      if (select.getOrderByElements() != null) {
        for (OrderByElement o : select.getOrderByElements()) {
          scan(o.getExpression(), scope);
        }
      }
      return out;
    }

    private void withItems(List<WithItem<?>> items, Scope scope) {
      if (items == null) {
        return;
      }
      for (WithItem<?> item : items) {
        Outputs out;
        if (item.getSelect() != null) {
          out = select(item.getSelect(), scope, false);
        } else if (item.getInsert() != null) {
          insert(item.getInsert().getInsert(), new Scope(scope, false));
          out = new Outputs();
        } else if (item.getUpdate() != null) {
          update(item.getUpdate().getUpdate(), new Scope(scope, false));
          out = new Outputs();
        } else if (item.getDelete() != null) {
          delete(item.getDelete().getDelete(), new Scope(scope, false));
          out = new Outputs();
        } else {
          continue;
        }
        if (item.getWithItemList() != null) {
          // WITH x(a, b) AS (...): the declared names replace the select's.
          for (int i = 0; i < item.getWithItemList().size() && i < out.names.size(); i++) {
            out.names.set(i, Catalog.normalize(item.getWithItemList().get(i).toString()));
          }
        }
        scope.ctes.put(Catalog.normalize(item.getAliasName()), out);
      }
    }

    private Outputs plainSelect(PlainSelect ps, Scope scope) {
      int start = refs.size();
      if (ps.getFromItem() != null) {
        fromItem(ps.getFromItem(), scope);
      }
      joins(ps.getJoins(), scope, start);
      conditions(ps.getWhere(), scope, null);
      Outputs out = new Outputs();
      out.scope = scope;
      for (SelectItem<?> item : ps.getSelectItems()) {
        Expression e = item.getExpression();
        if (e instanceof AllColumns) {
          out.star = true;
          continue;
        }
        String name = item.getAlias() != null ? Catalog.normalize(item.getAlias().getName())
            : e instanceof Column c ? Catalog.normalize(c.getColumnName()) : null;
        String node = columnNode(e, scope);
        if (node == null) {
          String value = constant(e);
          if (value != null) {
            node = "k" + constants++;
            pin(node, value);
          } else {
            scan(e, scope);
          }
        }
        out.names.add(name);
        out.nodes.add(node);
      }
      GroupByElement groupBy = ps.getGroupBy();
      if (groupBy != null && groupBy.getGroupByExpressionList() != null) {
        scan(groupBy.getGroupByExpressionList(), scope);
      }
      scan(ps.getHaving(), scope);
      return out;
    }

    private void insert(Insert insert, Scope scope) {
      withItems(insert.getWithItemsList(), scope);
      Ref target = tableRef(insert.getTable(), scope);
      String targetNode = null;
      int index = -1;
      if (target != null && target.distributed()) {
        write = true;
        targetNode = node(target, target.distributionColumn);
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
            String value = index < row.size() ? constant(row.get(index)) : null;
            if (value == null) {
              explain(target, "INSERT into " + target.table + (rows.size() > 1 ? " row " + r : "")
                  + ": " + target.distributionColumn + " is not a constant or bound parameter ("
                  + (index < row.size() ? row.get(index) : "missing") + ")");
            } else {
              pin(targetNode, value);
            }
          }
        }
      } else if (insert.getSelect() != null) {
        Outputs out = select(insert.getSelect(), scope, false);
        if (targetNode != null && index >= 0) {
          String source = index < out.nodes.size() ? out.nodes.get(index) : null;
          if (source == null) {
            explain(target, "INSERT ... SELECT into " + target.table + ": the selected value for "
                + target.distributionColumn + " is neither a column nor a constant");
          } else {
            link(targetNode, source);
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
      Ref target = tableRef(update.getTable(), scope);
      if (target != null && target.distributed()) {
        write = true;
      }
      joins(update.getStartJoins(), scope, start);
      if (update.getFromItem() != null) {
        fromItem(update.getFromItem(), scope);
      }
      joins(update.getJoins(), scope, start);
      conditions(update.getWhere(), scope, null);
      if (update.getUpdateSets() != null) {
        for (UpdateSet set : update.getUpdateSets()) {
          for (Column c : set.getColumns()) {
            if (target != null && target.distributed()
                && Catalog.normalize(c.getColumnName()).equals(target.distributionColumn)) {
              explain(target, "UPDATE sets the distribution column " + target.distributionColumn + " of "
                  + target.table + "; Citus does not move rows between shards");
            }
          }
          scan(set.getValues(), scope);
        }
      }
    }

    private void delete(Delete delete, Scope scope) {
      withItems(delete.getWithItemsList(), scope);
      int start = refs.size();
      Ref target = tableRef(delete.getTable(), scope);
      if (target != null && target.distributed()) {
        write = true;
      }
      if (delete.getUsingFromItemList() != null) {
        for (FromItem item : delete.getUsingFromItemList()) {
          if (item instanceof Table t) {
            tableRef(t, scope);
          }
        }
      }
      joins(delete.getJoins(), scope, start);
      conditions(delete.getWhere(), scope, null);
    }

    // ---- FROM ----

    private void fromItem(FromItem item, Scope scope) {
      if (item instanceof Table t) {
        tableRef(t, scope);
      } else if (item instanceof ParenthesedSelect ps) {
        Outputs out = select(ps, scope, false);
        String alias = ps.getAlias() == null ? "subquery" + refs.size() : Catalog.normalize(ps.getAlias().getName());
        Ref ref = new Ref(refs.size(), alias, Catalog.Kind.UNKNOWN, null, scope, out, alias);
        refs.add(ref);
        scope.byName.put(alias, ref);
      } else if (item instanceof ParenthesedFromItem pf) {
        int start = refs.size();
        fromItem(pf.getFromItem(), scope);
        joins(pf.getJoins(), scope, start);
      }
    }

    private Ref tableRef(Table t, Scope scope) {
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
      Ref ref;
      if (cte != null) {
        ref = new Ref(refs.size(), name, Catalog.Kind.UNKNOWN, null, scope, cte, visible);
      } else {
        Catalog.Kind kind = catalog.kindOf(name);
        ref = new Ref(refs.size(), name, kind, catalog.distributionColumn(name), scope, null,
            visible.equals(name) ? name : name + " " + visible);
      }
      refs.add(ref);
      scope.byName.put(visible, ref);
      return ref;
    }

    private void joins(List<Join> joins, Scope scope, int start) {
      if (joins == null) {
        return;
      }
      for (Join join : joins) {
        int mark = refs.size();
        fromItem(join.getFromItem(), scope);
        JoinSide side = null;
        if (join.isFull()) {
          side = new JoinSide(Set.of(), true);
        } else if (join.isLeft()) {
          side = new JoinSide(new HashSet<>(refs.subList(start, mark)), false);
        } else if (join.isRight()) {
          side = new JoinSide(new HashSet<>(refs.subList(mark, refs.size())), false);
        }
        if (join.getOnExpressions() != null) {
          for (Expression on : join.getOnExpressions()) {
            conditions(on, scope, side);
          }
        }
        if (join.getUsingColumns() != null) {
          for (Column c : join.getUsingColumns()) {
            String col = Catalog.normalize(c.getColumnName());
            String left = uniqueColumn(refs.subList(start, mark), scope, col);
            String right = uniqueColumn(refs.subList(mark, refs.size()), scope, col);
            if (left != null && right != null) {
              equate(left, right, scope, side);
            }
          }
        }
      }
    }

    private String uniqueColumn(List<Ref> candidates, Scope scope, String col) {
      String found = null;
      for (Ref r : candidates) {
        if (r.scope == scope && hasColumn(r, col)) {
          if (found != null) {
            return null;
          }
          found = node(r, col);
        }
      }
      return found;
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
        if (r instanceof Function f && isAny(f)) {
          any(columnNode(l, scope), f, scope, side);
          return;
        }
        String nl = columnNode(l, scope);
        String nr = columnNode(r, scope);
        if (nl != null && nr != null) {
          equate(nl, nr, scope, side);
          return;
        }
        String vl = constant(l);
        String vr = constant(r);
        if (nl != null && vr != null) {
          restrict(nl, vr, scope, side);
        } else if (nr != null && vl != null) {
          restrict(nr, vl, scope, side);
        } else {
          scan(l, scope);
          scan(r, scope);
        }
      } else if (c instanceof InExpression in && !in.isNot()) {
        String nl = columnNode(unwrap(in.getLeftExpression()), scope);
        Expression right = in.getRightExpression();
        if (right instanceof Select sub) {
          Outputs out = select(sub, scope, false);
          if (nl != null && out.first() != null) {
            equate(nl, out.first(), scope, side);
          }
        } else if (right instanceof ExpressionList<?> list && nl != null) {
          List<String> values = new ArrayList<>();
          for (Expression e : list) {
            String v = constant(e);
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
      } else if (c instanceof ExistsExpression exists && !exists.isNot()
          && exists.getRightExpression() instanceof Select sub) {
        select(sub, scope, false);
      } else if (c instanceof OrExpression or) {
        or(or, scope, side);
      } else {
        scan(c, scope);
      }
    }

    /** {@code a = 1 OR a = 2}: pins {@code a} when every branch pins it, to several values when they differ. */
    private void or(OrExpression or, Scope scope, JoinSide side) {
      List<Expression> branches = new ArrayList<>();
      disjuncts(or, branches);
      Map<String, List<String>> common = null;
      for (Expression branch : branches) {
        Map<String, List<String>> pinned = new HashMap<>();
        for (Expression c : conjuncts(branch)) {
          if (c instanceof EqualsTo eq) {
            Expression l = unwrap(eq.getLeftExpression());
            Expression r = unwrap(eq.getRightExpression());
            String node = columnNode(l, scope);
            String value = constant(r);
            if (node == null || value == null) {
              node = columnNode(r, scope);
              value = constant(l);
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
          for (Map.Entry<String, List<String>> e : common.entrySet()) {
            e.getValue().addAll(pinned.get(e.getKey()));
          }
        }
      }
      if (common != null) {
        for (Map.Entry<String, List<String>> e : common.entrySet()) {
          restrictAll(e.getKey(), e.getValue(), "OR of", scope, side);
        }
      }
      scan(or, scope);
    }

    private void any(String node, Function any, Scope scope, JoinSide side) {
      Expression arg = any.getParameters() == null || any.getParameters().isEmpty() ? null
          : unwrap(any.getParameters().get(0));
      List<String> values = null;
      if (arg instanceof ArrayConstructor array && array.getExpressions() != null) {
        values = new ArrayList<>();
        for (Expression e : array.getExpressions()) {
          String v = constant(e);
          if (v == null) {
            values = null;
            break;
          }
          values.add(v);
        }
      } else if (arg instanceof CastExpression cast) {
        arg = cast.getLeftExpression();
      }
      if (arg instanceof JdbcParameter p && p.getIndex() != null && parameters.containsKey(p.getIndex())) {
        values = arrayValues(parameters.get(p.getIndex()));
      }
      if (node == null) {
        scan(any, scope);
      } else if (values == null) {
        restrict(node, MULTI + "= ANY(" + any.getParameters() + ") with an array of unknown size", scope, side);
      } else {
        restrictAll(node, values, "= ANY array of", scope, side);
      }
    }

    private void restrictAll(String node, List<String> values, String what, Scope scope, JoinSide side) {
      Set<String> distinct = new TreeSet<>(values);
      distinct.removeIf(v -> v.startsWith(UNKNOWN));
      boolean unknown = values.stream().anyMatch(v -> v.startsWith(UNKNOWN));
      if (distinct.size() == 1 && !unknown) {
        restrict(node, distinct.iterator().next(), scope, side);
      } else if (values.size() == 1) {
        restrict(node, values.get(0), scope, side);
      } else if (!values.isEmpty()) {
        restrict(node, MULTI + what + " " + values.size() + " values " + display(values), scope, side);
      }
    }

    // ---- the graph ----

    private boolean canRestrict(String node, Scope scope, JoinSide side) {
      Ref r = nodeRefs.get(node);
      if (r == null) {
        return true;
      }
      if (side != null && (side.full() || side.preserved().contains(r))) {
        return false;
      }
      Scope barrier = scope.innermostBarrier();
      return barrier == null || r.scope.isWithin(barrier);
    }

    private void equate(String a, String b, Scope scope, JoinSide side) {
      boolean ia = canRestrict(a, scope, side);
      boolean ib = canRestrict(b, scope, side);
      if (ia && ib) {
        link(a, b);
      } else if (ia) {
        directed.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
      } else if (ib) {
        directed.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
      }
    }

    private void restrict(String node, String value, Scope scope, JoinSide side) {
      if (canRestrict(node, scope, side)) {
        pin(node, value);
      }
    }

    private void link(String a, String b) {
      undirected.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
      undirected.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
    }

    private void pin(String node, String value) {
      pins.computeIfAbsent(node, k -> new LinkedHashSet<>()).add(value);
    }

    private Map<String, Set<String>> solve() {
      Map<String, Set<String>> values = new HashMap<>();
      Deque<String> work = new ArrayDeque<>();
      pins.forEach((node, v) -> {
        values.put(node, new LinkedHashSet<>(v));
        work.add(node);
      });
      while (!work.isEmpty()) {
        String node = work.poll();
        Set<String> v = values.get(node);
        for (String next : neighbours(node)) {
          Set<String> target = values.computeIfAbsent(next, k -> new LinkedHashSet<>());
          if (target.addAll(v)) {
            work.add(next);
          }
        }
      }
      return values;
    }

    private Collection<String> neighbours(String node) {
      Set<String> u = undirected.getOrDefault(node, Set.of());
      Set<String> d = directed.getOrDefault(node, Set.of());
      if (d.isEmpty()) {
        return u;
      }
      List<String> all = new ArrayList<>(u);
      all.addAll(d);
      return all;
    }

    // ---- verdict ----

    private void explain(Ref ref, String problem) {
      explained.add(ref);
      problems.add(problem);
    }

    private Verdict evaluate() {
      Map<String, Set<String>> values = solve();
      Set<String> tables = new TreeSet<>();
      Map<String, String> pinnedTo = new LinkedHashMap<>();
      Set<String> locals = new TreeSet<>();
      boolean anyDistributed = false;
      for (Ref ref : refs) {
        if (ref.kind == Catalog.Kind.LOCAL && ref.derived == null) {
          locals.add(ref.table);
        }
        if (!ref.distributed()) {
          continue;
        }
        anyDistributed = true;
        tables.add(ref.table);
        if (explained.contains(ref)) {
          continue;
        }
        String column = qualifier(ref) + "." + ref.distributionColumn;
        Set<String> v = values.getOrDefault(node(ref, ref.distributionColumn), Set.of());
        List<String> multi = v.stream().filter(s -> s.startsWith(MULTI)).map(s -> s.substring(MULTI.length())).toList();
        Set<String> known = new TreeSet<>(v);
        known.removeIf(s -> s.startsWith(MULTI) || s.startsWith(UNKNOWN));
        if (!multi.isEmpty()) {
          problems.add("distributed table " + ref.display + " spans several shards: " + column + " "
              + String.join("; ", multi));
        } else if (known.size() > 1) {
          problems.add("distributed table " + ref.display + " is pinned to several values " + known
              + " of " + column);
        } else if (v.isEmpty()) {
          problems.add("distributed table " + ref.display + " is not pinned to one tenant: no equality of "
              + column + " with a constant or parameter, nor a join on it to a pinned table");
        } else if (known.size() == 1) {
          pinnedTo.put(ref.display, known.iterator().next());
        } else {
          pinnedTo.put(ref.display, null);
        }
      }
      if (!anyDistributed) {
        return new Verdict(Verdict.Kind.NO_DISTRIBUTED_TABLE, null, tables, false, List.of());
      }
      Set<String> tenants = new TreeSet<>();
      pinnedTo.values().forEach(t -> {
        if (t != null) {
          tenants.add(t);
        }
      });
      if (tenants.size() > 1) {
        problems.add("distributed tables are pinned to different values " + printable(pinnedTo)
            + ", so the statement spans several shards");
      }
      Verdict.Kind kind = Verdict.Kind.SINGLE_SHARD;
      if (!problems.isEmpty()) {
        kind = Verdict.Kind.MULTI_SHARD;
      }
      if (!locals.isEmpty()) {
        problems.add("local table(s) " + locals + " in a statement on distributed table(s) " + tables
            + ": Citus must pull one side to the coordinator");
        if (kind == Verdict.Kind.SINGLE_SHARD) {
          kind = Verdict.Kind.LOCAL_TABLE_MIX;
        }
      }
      String tenant = tenants.size() == 1 ? tenants.iterator().next() : null;
      return new Verdict(kind, kind == Verdict.Kind.MULTI_SHARD ? null : tenant, tables, write, problems);
    }

    private String printable(Map<String, String> pinnedTo) {
      StringBuilder sb = new StringBuilder();
      pinnedTo.forEach((table, value) -> sb.append(sb.length() == 0 ? "" : ", ").append(table).append(" = ")
          .append(value == null ? "?" : value));
      return "(" + sb + ")";
    }

    private String qualifier(Ref ref) {
      for (Map.Entry<String, Ref> e : ref.scope.byName.entrySet()) {
        if (e.getValue() == ref) {
          return e.getKey();
        }
      }
      return ref.table;
    }

    // ---- columns and constants ----

    private String node(Ref ref, String column) {
      if (ref.derived != null) {
        Outputs out = ref.derived;
        int i = out.names.indexOf(column);
        if (i >= 0 && out.nodes.get(i) != null) {
          return out.nodes.get(i);
        }
        if (i < 0 && out.star && out.scope != null) {
          String inner = resolveIn(out.scope, column);
          if (inner != null) {
            return inner;
          }
        }
      }
      String node = "r" + ref.id + "." + column;
      nodeRefs.putIfAbsent(node, ref);
      return node;
    }

    private boolean hasColumn(Ref ref, String column) {
      if (ref.derived != null) {
        return ref.derived.names.contains(column)
            || ref.derived.star && ref.derived.scope != null && resolveIn(ref.derived.scope, column) != null;
      }
      return column.equals(ref.distributionColumn);
    }

    private String resolveIn(Scope scope, String column) {
      List<Ref> own = new ArrayList<>();
      for (Ref r : scope.byName.values()) {
        if (hasColumn(r, column)) {
          own.add(r);
        }
      }
      if (own.size() == 1) {
        return node(own.get(0), column);
      }
      if (own.isEmpty() && scope.byName.size() == 1) {
        return node(scope.byName.values().iterator().next(), column);
      }
      return null;
    }

    private String columnNode(Expression e, Scope scope) {
      if (!(e instanceof Column c) || c.getColumnName() == null) {
        return null;
      }
      String column = Catalog.normalize(c.getColumnName());
      Table t = c.getTable();
      String qualifier = t == null || t.getName() == null ? null : Catalog.normalize(t.getName());
      for (Scope s = scope; s != null; s = s.parent) {
        if (qualifier != null) {
          Ref r = s.byName.get(qualifier);
          if (r != null) {
            return node(r, column);
          }
        } else if (!s.byName.isEmpty()) {
          String n = resolveIn(s, column);
          if (n != null) {
            return n;
          }
        }
      }
      return null;
    }

    /** The value of a literal or bound parameter as comparable text, {@code null} for anything else. */
    private String constant(Expression e) {
      e = unwrap(e);
      if (e instanceof CastExpression cast) {
        return constant(cast.getLeftExpression());
      }
      if (e instanceof LongValue v) {
        return canonical(v.getStringValue());
      }
      if (e instanceof DoubleValue v) {
        return canonical(String.valueOf(v.getValue()));
      }
      if (e instanceof StringValue v) {
        return v.getValue().replace("''", "'");
      }
      if (e instanceof SignedExpression s && s.getSign() == '-') {
        String inner = constant(s.getExpression());
        return inner == null ? null : canonical("-" + inner);
      }
      if (e instanceof JdbcParameter p) {
        if (p.getIndex() != null && parameters.containsKey(p.getIndex())) {
          Object value = parameters.get(p.getIndex());
          return value == null ? null : canonical(value);
        }
        return UNKNOWN + (p.getIndex() == null ? "" : p.getIndex());
      }
      return null;
    }

    // ---- subqueries elsewhere: analyzed behind a barrier ----

    private void scan(Expression e, Scope scope) {
      if (e == null) {
        return;
      }
      List<Select> found = new ArrayList<>();
      e.accept(new ExpressionVisitorAdapter<Void>() {
        @Override
        public <S> Void visit(ParenthesedSelect select, S context) {
          found.add(select);
          return null;
        }

        @Override
        public <S> Void visit(Select select, S context) {
          found.add(select);
          return null;
        }
      }, null);
      for (Select s : found) {
        select(s, scope, true);
      }
    }
  }

  // ---- helpers ----

  private static boolean isAny(Function f) {
    return f.getName() != null && (f.getName().equalsIgnoreCase("any") || f.getName().equalsIgnoreCase("some"));
  }

  private static Expression unwrap(Expression e) {
    while (true) {
      if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
        e = list.get(0);
      } else {
        return e;
      }
    }
  }

  private static List<Expression> conjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    Deque<Expression> stack = new ArrayDeque<>();
    stack.push(e);
    while (!stack.isEmpty()) {
      Expression x = unwrap(stack.pop());
      if (x instanceof AndExpression and) {
        stack.push(and.getRightExpression());
        stack.push(and.getLeftExpression());
      } else if (x instanceof NotExpression not && unwrap(not.getExpression()) instanceof NotExpression inner) {
        stack.push(inner.getExpression());
      } else {
        out.add(x);
      }
    }
    return out;
  }

  private static void disjuncts(Expression e, List<Expression> out) {
    Expression x = unwrap(e);
    if (x instanceof OrExpression or) {
      disjuncts(or.getLeftExpression(), out);
      disjuncts(or.getRightExpression(), out);
    } else {
      out.add(x);
    }
  }

  private static List<String> arrayValues(Object value) {
    Object array = value;
    if (value instanceof java.sql.Array sqlArray) {
      try {
        array = sqlArray.getArray();
      } catch (SQLException e) {
        return null;
      }
    }
    if (array instanceof Collection<?> c) {
      array = c.toArray();
    }
    if (array == null || !array.getClass().isArray()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < Array.getLength(array); i++) {
      Object v = Array.get(array, i);
      values.add(v == null ? "null" : canonical(v));
    }
    return values;
  }

  /** Tenant values as comparable text: numbers without formatting differences, the rest as text. */
  static String canonical(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      return canonical(value.toString());
    }
    String s = value.toString();
    if (s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
      try {
        return new BigDecimal(s).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return s;
      }
    }
    return value instanceof java.util.UUID ? s.toLowerCase(Locale.ROOT) : s;
  }

  private static String display(List<String> values) {
    List<String> shown = new ArrayList<>();
    for (String v : values) {
      shown.add(v.startsWith(UNKNOWN) ? "?" : v);
    }
    return shown.toString();
  }
}
