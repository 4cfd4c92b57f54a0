package io.citushibernate.fuzz;

import io.citushibernate.fuzz.FuzzSchema.Column;
import io.citushibernate.fuzz.FuzzSchema.Kind;
import io.citushibernate.fuzz.FuzzSchema.Table;
import io.citushibernate.fuzz.FuzzSchema.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes one SQL statement over {@link FuzzSchema} from a {@link Choices}: SELECT (joins of every
 * kind with ON, USING and NATURAL, comma and LATERAL joins, derived tables, CTEs plain, recursive and data-modifying, set
 * operations, aggregates with GROUP BY/HAVING, window functions, DISTINCT and DISTINCT ON,
 * ORDER BY/LIMIT/OFFSET/FETCH, correlated IN/EXISTS/scalar subqueries), INSERT ... VALUES and
 * INSERT ... SELECT with ON CONFLICT, UPDATE ... FROM and DELETE ... USING with RETURNING; quoted
 * and schema-qualified names, bind parameters, and comments and string literals that name tables.
 *
 * <p>Statements are valid and deterministic by construction, so any difference between two runs
 * is the rewriter's: LIMIT and DISTINCT ON come with an ORDER BY over every output column (ties
 * are then equal rows), window functions are the ones whose value does not depend on the order of
 * peers, and an UPDATE sets values from its own row, never from a FROM row that may match twice.
 */
final class StatementGenerator {
  /** A statement with its bind values in placeholder order. */
  record Generated(String sql, List<Object> parameters, boolean writes) {
    @Override
    public String toString() {
      return parameters.isEmpty() ? sql : sql + "  -- parameters " + parameters;
    }
  }

  private static final int MAX_DEPTH = 3;
  private static final char MARK = '\u0001';
  private static final List<String> STRINGS = List.of("'new'", "'paid'", "'void'", "'acct-1'", "'acct-3'",
      "'p1'", "'p2'", "'login'", "'accounts'", "'orders'", "'it''s'", "'from orders where 1'", "''",
      "'x -- y'", "'/* audit.entries */'", "$$orders$$", "E'it\\'s \"Events\"'", "'back\\slash'", "'?'");
  private static final List<String> COMMENTS = List.of(" /* from accounts */ ", " -- join orders on true\n",
      " /* ' */ ", " /* nested /* orders */ comment */ ", " /* ? */ ");

  private final Choices c;
  private final int tenant;
  private final List<Object> values = new ArrayList<>();
  private int names;
  /** The columns the last data-modifying statement returns, for a CTE that reads them. */
  private List<Column> returned = List.of();

  private StatementGenerator(Choices c, int tenant) {
    this.c = c;
    this.tenant = tenant;
  }

  /** A statement; {@code tenant} is the one it will run for, which its tenant literals favour. */
  static Generated generate(Choices choices, int tenant) {
    StatementGenerator g = new StatementGenerator(choices, tenant);
    int kind = choices.below(12);
    String sql = switch (kind) {
      case 6 -> g.insertValues(false);
      case 7 -> g.insertSelect();
      case 8 -> g.update(false);
      case 9 -> g.delete(false);
      case 10 -> g.writingCte();
      default -> g.select(choices.chance(10) ? null : g.shape(), null, 0, true);
    };
    return g.finish(sql, kind >= 6 && kind <= 10);
  }

  /** Puts {@code ?} where the markers are and orders the values as their placeholders are. */
  private Generated finish(String sql, boolean writes) {
    StringBuilder out = new StringBuilder(sql.length());
    List<Object> ordered = new ArrayList<>();
    for (int i = 0; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (ch == MARK) {
        int end = sql.indexOf(MARK, i + 1);
        ordered.add(values.get(Integer.parseInt(sql.substring(i + 1, end))));
        out.append('?');
        i = end;
      } else {
        out.append(ch);
      }
    }
    return new Generated(out.toString(), List.copyOf(ordered), writes);
  }

  // ---------------------------------------------------------------- scopes

  /** A relation a query level can name: a table, a derived table or a CTE, and its columns. */
  private record Rel(String qualifier, List<Column> columns, Table table) {
  }

  /** One query level: its relations, the level it is nested in, and the CTEs it sees. */
  private static final class Scope {
    final Scope outer;
    final List<Rel> rels;
    final List<Rel> ctes;

    Scope(Scope outer, List<Rel> rels, List<Rel> ctes) {
      this.outer = outer;
      this.rels = rels;
      this.ctes = ctes;
    }

    static Scope nested(Scope outer) {
      return new Scope(outer, new ArrayList<>(), outer == null ? new ArrayList<>() : new ArrayList<>(outer.ctes));
    }

    /** This level seeing only {@code visible} (an ON clause sees its join chain, not comma items). */
    Scope seeing(List<Rel> visible) {
      return new Scope(outer, new ArrayList<>(visible), ctes);
    }

    boolean hasQualifier(String q) {
      return rels.stream().anyMatch(r -> r.qualifier().equals(q));
    }
  }

  private String alias() {
    return "t" + ++names;
  }

  private String gap() {
    return c.chance(6) ? c.pick(COMMENTS) : " ";
  }

  private List<Type> shape() {
    return IntStream.range(0, 1 + c.below(3)).mapToObj(i -> c.chance(50) ? Type.TEXT : Type.INT).toList();
  }

  private static List<Column> outputColumns(List<Type> shape) {
    return IntStream.range(0, shape.size()).mapToObj(i -> new Column("c" + (i + 1), shape.get(i))).toList();
  }

  private static String positions(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(String::valueOf).collect(Collectors.joining(", "));
  }

  // ---------------------------------------------------------------- SELECT

  /**
   * A query returning {@code shape} (or {@code *} when {@code shape} is {@code null}), its columns
   * named c1..cn, nested in {@code outer}.
   */
  private String select(List<Type> shape, Scope outer, int depth, boolean top) {
    StringBuilder sb = new StringBuilder();
    Scope level = Scope.nested(outer);
    if (depth < 2 && c.chance(15)) {
      sb.append(with(level, depth)).append(' ');
    }
    boolean ordered;
    if (shape != null && depth < MAX_DEPTH && c.chance(15)) {
      boolean parens = c.chance(30);
      sb.append(parens ? "(" : "").append(core(shape, level, depth, false).sql()).append(parens ? ")" : "");
      int operands = 1 + (c.chance(20) ? 2 : 1);
      for (int i = 1; i < operands; i++) {
        sb.append(gap()).append(c.pick(List.of("union", "union all", "intersect", "except", "intersect all", "except all")))
            .append(gap()).append(parens ? "(" : "").append(core(shape, level, depth, false).sql()).append(parens ? ")" : "");
      }
      ordered = false;
    } else {
      Core core = core(shape, level, depth, top);
      sb.append(core.sql());
      ordered = core.ordered();
      shape = core.arity() < 0 ? null : shape;
    }
    if (!ordered && shape != null && c.chance(top ? 25 : 10)) {
      sb.append(" order by ").append(positions(shape.size())).append(limit());
    }
    return sb.toString();
  }

  private String limit() {
    int n = c.below(4);
    int m = c.below(3);
    return switch (c.below(6)) {
      case 1 -> " limit " + n;
      case 2 -> " limit " + n + " offset " + m;
      case 3 -> " offset " + m + " rows fetch first " + n + " rows only";
      case 4 -> " fetch first " + n + " rows only";
      case 5 -> " offset " + m;
      default -> "";
    };
  }

  private record Core(String sql, boolean ordered, int arity) {
  }

  private Core core(List<Type> shape, Scope level, int depth, boolean top) {
    Scope s = Scope.nested(level.outer);
    s.ctes.clear();
    s.ctes.addAll(level.ctes);
    String from = from(s, depth);
    String where = c.chance(60) ? gap() + "where " + cond(s, depth + 1) : "";
    int mode = c.below(10);
    if (shape == null) {
      List<Rel> starred = c.chance(70) ? s.rels : List.of(c.pick(s.rels));
      String items = starred == s.rels ? "*" : starred.get(0).qualifier() + ".*";
      String lock = top && c.chance(5) ? c.pick(List.of(" for update", " for share", " for no key update")) : "";
      return new Core("select " + items + from + where + lock, false, -1);
    }
    List<Column> out = outputColumns(shape);
    if (mode >= 6 && mode <= 7) {
      List<String> keys = new ArrayList<>();
      List<String> items = new ArrayList<>();
      for (Column column : out) {
        String key = c.chance(50) ? colRef(s, column.type(), true) : null;
        if (key != null) {
          keys.add(key);
          items.add(key + " as " + column.name());
        } else {
          items.add(aggregate(column.type(), s) + " as " + column.name());
        }
      }
      String group = keys.isEmpty() ? "" : " group by " + String.join(", ", keys);
      String having = c.chance(30) ? " having " + c.pick(List.of("count(*) > " + c.below(3),
          "count(*) >= 1", "max(" + orLiteral(colRef(s, Type.INT, true), "1") + ") is not null")) : "";
      return new Core("select " + String.join(", ", items) + from + where + group + having, false, out.size());
    }
    List<String> items = new ArrayList<>();
    for (Column column : out) {
      String item = column.type() == Type.INT && c.chance(15) ? window(s) : expr(column.type(), s, depth + 1);
      items.add(item + (c.chance(20) ? " " : " as ") + column.name());
    }
    if (mode == 9 && top) {
      String order = " order by " + positions(out.size());
      return new Core("select distinct on (1) " + String.join(", ", items) + from + where + order + limit(), true,
          out.size());
    }
    String distinct = mode == 8 ? "distinct " : "";
    return new Core("select " + distinct + String.join(", ", items) + from + where, false, out.size());
  }

  private String with(Scope level, int depth) {
    StringBuilder sb = new StringBuilder("with ");
    int count = 1 + (c.chance(30) ? 1 : 0);
    if (c.chance(25)) {
      String name = "r" + ++names;
      Table base = c.pick(FuzzSchema.TABLES);
      String q = alias();
      String seed = base.columnsOf(Type.INT).isEmpty() ? "1" : q + "." + c.pick(base.columnsOf(Type.INT)).name();
      sb.append("recursive ").append(name).append("(c1, c2) as (select 1, ").append(seed).append(" from ")
          .append(base.ref()).append(' ').append(q).append(" union all select c1 + 1, c2 from ").append(name)
          .append(" where c1 < 3)");
      level.ctes.add(new Rel(name, List.of(new Column("c1", Type.INT), new Column("c2", Type.INT)), null));
      count--;
      if (count > 0) {
        sb.append(", ");
      }
    }
    for (int i = 0; i < count; i++) {
      List<Type> shape = shape();
      String name = "w" + ++names;
      String materialized = c.chance(10) ? c.pick(List.of("materialized ", "not materialized ")) : "";
      sb.append(i > 0 ? ", " : "").append(name).append(" as ").append(materialized).append('(')
          .append(select(shape, level, depth + 1, false)).append(')');
      level.ctes.add(new Rel(name, outputColumns(shape), null));
    }
    return sb.toString();
  }

  private String window(Scope s) {
    String partition = orLiteral(colRef(s, c.chance(50) ? Type.INT : Type.TEXT, true), "1");
    String order = orLiteral(colRef(s, c.chance(50) ? Type.INT : Type.TEXT, true), "1");
    String value = orLiteral(colRef(s, Type.INT, true), "1");
    return switch (c.below(5)) {
      case 1 -> "sum(" + value + ") over (partition by " + partition + " order by " + order + ")";
      case 2 -> "rank() over (order by " + order + ")";
      case 3 -> "dense_rank() over (partition by " + partition + " order by " + order + ")";
      case 4 -> "max(" + value + ") over ()";
      default -> "count(*) over (partition by " + partition + ")";
    };
  }

  private String aggregate(Type type, Scope s) {
    if (type == Type.INT) {
      String column = colRef(s, Type.INT, true);
      return switch (column == null ? 0 : c.below(5)) {
        case 1 -> "sum(" + column + ")";
        case 2 -> "max(" + column + ")";
        case 3 -> "count(distinct " + column + ")";
        case 4 -> "count(" + column + ")";
        default -> "count(*)";
      };
    }
    String column = colRef(s, Type.TEXT, true);
    if (column == null) {
      return "min('none')";
    }
    return switch (c.below(3)) {
      case 1 -> "min(" + column + ")";
      case 2 -> "string_agg(" + column + ", ',' order by " + column + ")";
      default -> "max(" + column + ")";
    };
  }

  // ---------------------------------------------------------------- FROM

  private String from(Scope s, int depth) {
    return from("from ", s, depth);
  }

  /** FROM (or USING) items; an item that is not LATERAL sees the enclosing level and the CTEs. */
  private String from(String keyword, Scope s, int depth) {
    StringBuilder sb = new StringBuilder(gap()).append(keyword);
    int chainStart = 0;
    sb.append(fromItem(s, depth));
    for (int i = 0; i < 3 && c.chance(45); i++) {
      int kind = c.below(12);
      List<Rel> chain = new ArrayList<>(s.rels.subList(chainStart, s.rels.size()));
      switch (kind) {
        case 1 -> {
          chainStart = s.rels.size();
          sb.append(", ").append(fromItem(s, depth));
        }
        case 2 -> sb.append(" cross join ").append(fromItem(s, depth));
        case 3 -> {
          chainStart = s.rels.size();
          sb.append(", lateral ").append(derived(s, s.seeing(s.rels), depth));
        }
        case 4 -> {
          String join = c.pick(List.of(" cross join lateral ", " join lateral ", " left join lateral "));
          sb.append(join).append(derived(s, s.seeing(chain), depth)).append(join.startsWith(" cross") ? "" : " on true");
        }
        case 5 -> {
          Rel previous = s.rels.get(s.rels.size() - 1);
          Table table = c.pick(FuzzSchema.TABLES);
          List<String> common = previous.columns().stream().map(Column::name)
              .filter(n -> table.columns().stream().anyMatch(col -> col.name().equals(n))).toList();
          if (common.isEmpty() || previous.table() == null) {
            sb.append(" join ").append(fromItem(s, depth)).append(" on true");
          } else {
            String joinKind = c.pick(List.of(" join ", " left join ", " full join "));
            sb.append(joinKind).append(tableItem(s, table)).append(" using (").append(c.pick(common)).append(')');
          }
        }
        case 6 -> sb.append(c.pick(List.of(" natural join ", " natural left join ", " natural full join ")))
            .append(tableItem(s, pickTable()));
        default -> {
          String joinKind = c.pick(List.of(" join ", " inner join ", " left join ", " left outer join ", " right join ",
              " full join ", " right outer join ", " full outer join "));
          sb.append(joinKind).append(fromItem(s, depth));
          chain.add(s.rels.get(s.rels.size() - 1));
          sb.append(" on ").append(joinCondition(s.seeing(chain), depth));
        }
      }
    }
    return sb.toString();
  }

  private String fromItem(Scope s, int depth) {
    int kind = c.below(10);
    if (kind == 8 && depth < MAX_DEPTH) {
      return derived(s, new Scope(s.outer, new ArrayList<>(), s.ctes), depth);
    }
    if (kind == 9 && !s.ctes.isEmpty()) {
      Rel cte = c.pick(s.ctes);
      String q = c.chance(50) && !s.hasQualifier(cte.qualifier()) ? cte.qualifier() : alias();
      s.rels.add(new Rel(q, cte.columns(), null));
      return q.equals(cte.qualifier()) ? q : cte.qualifier() + " " + q;
    }
    return tableItem(s, pickTable());
  }

  private Table pickTable() {
    return c.chance(80) ? c.pick(FuzzSchema.TABLES.subList(0, 5)) : c.pick(FuzzSchema.TABLES);
  }

  private String tableItem(Scope s, Table table) {
    if (c.chance(20) && !s.hasQualifier(table.qualifier())) {
      s.rels.add(new Rel(table.qualifier(), table.columns(), table));
      return table.ref();
    }
    String q = alias();
    s.rels.add(new Rel(q, table.columns(), table));
    return table.ref() + (c.chance(30) ? " as " : " ") + q;
  }

  /** A derived table whose query sees {@code outer} (the enclosing level, or this one when LATERAL). */
  private String derived(Scope s, Scope outer, int depth) {
    List<Type> shape = shape();
    String q = alias();
    String body = select(shape, outer, depth + 1, false);
    s.rels.add(new Rel(q, outputColumns(shape), null));
    return "(" + body + ") " + q;
  }

  private String joinCondition(Scope chain, int depth) {
    Rel right = chain.rels.get(chain.rels.size() - 1);
    List<Rel> left = chain.rels.subList(0, chain.rels.size() - 1);
    int kind = c.below(10);
    if (kind >= 8 || left.isEmpty()) {
      return kind == 9 ? "true" : cond(chain, depth + 1);
    }
    Rel other = c.pick(left);
    List<Column> a = other.columns().stream().filter(col -> col.type() == Type.INT).toList();
    List<Column> b = right.columns().stream().filter(col -> col.type() == Type.INT).toList();
    if (a.isEmpty() || b.isEmpty()) {
      return cond(chain, depth + 1);
    }
    String on = other.qualifier() + "." + c.pick(a).name() + " = " + right.qualifier() + "." + c.pick(b).name();
    if (kind >= 4 && other.table() != null && other.table().isTenant() && right.table() != null && right.table().isTenant()) {
      on += " and " + other.qualifier() + "." + other.table().tenantColumn() + " = " + right.qualifier() + "."
          + right.table().tenantColumn();
    }
    if (kind == 7) {
      on += " and " + cond(chain, depth + 1);
    }
    return on;
  }

  // ---------------------------------------------------------------- expressions

  /**
   * A column of {@code type} visible from {@code s}: mostly of this level, sometimes of an outer one
   * (a correlated reference); unqualified only when its name is unique at this level.
   */
  private String colRef(Scope s, Type type, boolean thisLevelOnly) {
    List<String> here = new ArrayList<>();
    List<String> outer = new ArrayList<>();
    int level = 0;
    for (Scope at = s; at != null; at = at.outer, level++) {
      for (Rel rel : at.rels) {
        for (Column column : rel.columns()) {
          if (column.type() == type) {
            String qualified = rel.qualifier() + "." + column.name();
            if (level == 0) {
              here.add(unique(at, column.name()) && c.chance(30) ? column.name() : qualified);
            } else {
              outer.add(qualified);
            }
          }
        }
      }
      if (thisLevelOnly) {
        break;
      }
    }
    if (here.isEmpty() && outer.isEmpty()) {
      return null;
    }
    if (outer.isEmpty() || (!here.isEmpty() && c.chance(75))) {
      return c.pick(here);
    }
    return c.pick(outer);
  }

  private static boolean unique(Scope s, String name) {
    return s.rels.stream().filter(r -> r.columns().stream().anyMatch(col -> col.name().equals(name))).count() == 1;
  }

  private static String orLiteral(String column, String literal) {
    return column == null ? literal : column;
  }

  private String parameter(Object value) {
    values.add(value);
    return MARK + String.valueOf(values.size() - 1) + MARK;
  }

  private String intLiteral() {
    return String.valueOf(c.below(12) - 1);
  }

  private String expr(Type type, Scope s, int depth) {
    int kind = depth >= MAX_DEPTH ? c.below(2) : c.below(11);
    if (type == Type.INT) {
      return switch (kind) {
        case 1 -> intLiteral();
        case 2 -> "(" + expr(Type.INT, s, depth + 1) + " + " + expr(Type.INT, s, depth + 1) + ")";
        case 3 -> "coalesce(" + expr(Type.INT, s, depth + 1) + ", " + intLiteral() + ")";
        case 4 -> "case when " + cond(s, depth + 1) + " then " + expr(Type.INT, s, depth + 1) + " else "
            + expr(Type.INT, s, depth + 1) + " end";
        case 5 -> scalar(Type.INT, s, depth);
        case 6 -> parameter(c.below(12) - 1);
        case 7 -> "length(" + expr(Type.TEXT, s, depth + 1) + ")";
        case 8 -> "abs(" + expr(Type.INT, s, depth + 1) + ")";
        default -> orLiteral(colRef(s, Type.INT, false), intLiteral());
      };
    }
    return switch (kind) {
      case 1 -> c.pick(STRINGS);
      case 2 -> "(" + expr(Type.TEXT, s, depth + 1) + " || " + expr(Type.TEXT, s, depth + 1) + ")";
      case 3 -> c.pick(List.of("upper(", "lower(")) + expr(Type.TEXT, s, depth + 1) + ")";
      case 4 -> "coalesce(" + expr(Type.TEXT, s, depth + 1) + ", 'none')";
      case 5 -> scalar(Type.TEXT, s, depth);
      case 6 -> parameter(c.pick(List.of("new", "acct-1", "p2", "it's", "orders")));
      case 7 -> "case when " + cond(s, depth + 1) + " then " + expr(Type.TEXT, s, depth + 1) + " else "
          + c.pick(STRINGS) + " end";
      case 8 -> "cast(" + expr(Type.INT, s, depth + 1) + " as text)";
      default -> orLiteral(colRef(s, Type.TEXT, false), c.pick(STRINGS));
    };
  }

  /** A subquery that returns at most one row. */
  private String scalar(Type type, Scope s, int depth) {
    Scope inner = Scope.nested(s);
    String from = from(inner, depth + 1);
    String where = c.chance(70) ? " where " + cond(inner, depth + 2) : "";
    if (c.chance(30)) {
      String column = orLiteral(colRef(inner, type, true), type == Type.INT ? "1" : "'x'");
      return "(select " + column + from + where + " order by 1 limit 1)";
    }
    return "(select " + aggregate(type, inner) + from + where + ")";
  }

  private String cond(Scope s, int depth) {
    int kind = depth >= MAX_DEPTH ? 0 : c.below(14);
    Type type = c.chance(50) ? Type.TEXT : Type.INT;
    return switch (kind) {
      case 1 -> expr(type, s, depth + 1) + (c.chance(50) ? " is null" : " is not null");
      case 2 -> expr(type, s, depth + 1) + (c.chance(30) ? " not in (" : " in (")
          + (type == Type.INT ? intLiteral() + ", " + intLiteral() : c.pick(STRINGS) + ", " + c.pick(STRINGS)) + ")";
      case 3 -> expr(type, s, depth + 1) + (c.chance(30) ? " not in (" : " in (") + select(List.of(type), s, depth + 1, false)
          + ")";
      case 4 -> (c.chance(30) ? "not exists (" : "exists (") + select(shape(), s, depth + 1, false) + ")";
      case 5 -> "(" + cond(s, depth + 1) + " and " + cond(s, depth + 1) + ")";
      case 6 -> "(" + cond(s, depth + 1) + " or " + cond(s, depth + 1) + ")";
      case 7 -> "not (" + cond(s, depth + 1) + ")";
      case 8 -> expr(Type.INT, s, depth + 1) + " between " + intLiteral() + " and " + intLiteral();
      case 9 -> expr(Type.TEXT, s, depth + 1) + " like " + c.pick(List.of("'acct%'", "'%s'", "'p_'", "'%'"));
      case 10, 11 -> tenantPin(s);
      case 12 -> "true";
      case 13 -> expr(Type.INT, s, depth + 1) + " = any (array[" + intLiteral() + ", " + intLiteral() + "])";
      default -> expr(type, s, depth + 1) + " " + c.pick(List.of("=", "<>", "<", "<=", ">", ">=")) + " "
          + expr(type, s, depth + 1);
    };
  }

  /** {@code rel.tenant_column = <tenant>}, as the application may write it itself. */
  private String tenantPin(Scope s) {
    List<Rel> tenantRels = new ArrayList<>();
    for (Scope at = s; at != null; at = at.outer) {
      at.rels.stream().filter(r -> r.table() != null && r.table().isTenant()).forEach(tenantRels::add);
    }
    if (tenantRels.isEmpty()) {
      return "true";
    }
    Rel rel = c.pick(tenantRels);
    return rel.qualifier() + "." + rel.table().tenantColumn() + " = " + tenantValue();
  }

  /** The tenant the statement runs for, mostly; sometimes another. As a literal or a parameter. */
  private String tenantValue() {
    int value = c.chance(25) ? FuzzSchema.TENANTS.get(c.below(3)) : tenant;
    return c.chance(30) ? parameter(value) : String.valueOf(value);
  }

  // ---------------------------------------------------------------- writes

  private Table writeTarget() {
    return c.chance(85) ? c.pick(FuzzSchema.TABLES.subList(0, 5)) : c.pick(FuzzSchema.TABLES.subList(5, 7));
  }

  private String value(Column column, Table table) {
    if (column.name().equals(table.tenantColumn())) {
      return tenantValue();
    }
    if (table.key().contains(column.name())) {
      // ids 1..12: some taken by the data (conflicts, ON CONFLICT), most not
      return column.type() == Type.INT ? (c.chance(20) ? parameter(1 + c.below(12)) : String.valueOf(1 + c.below(12)))
          : c.pick(List.of("'p1'", "'p5'", "'mode'", "'k" + c.below(4) + "'"));
    }
    return switch (c.below(5)) {
      case 1 -> "null";
      case 2 -> scalar(column.type(), null, 1);
      case 3 -> column.type() == Type.INT ? parameter(c.below(50)) : parameter("v" + c.below(5));
      default -> column.type() == Type.INT ? intLiteral() : c.pick(STRINGS);
    };
  }

  private List<Column> insertColumns(Table table) {
    List<Column> columns = new ArrayList<>();
    for (Column column : table.columns()) {
      boolean tenantColumn = column.name().equals(table.tenantColumn());
      if (table.key().contains(column.name()) || (tenantColumn ? c.chance(15) : c.chance(60))) {
        columns.add(column);
      }
    }
    return columns;
  }

  private String insertValues(boolean returning) {
    Table table = writeTarget();
    List<Column> columns = insertColumns(table);
    String q = c.chance(20) ? alias() : null;
    StringBuilder sb = new StringBuilder("insert into ").append(table.ref()).append(q == null ? "" : " as " + q)
        .append(" (").append(columns.stream().map(Column::name).collect(Collectors.joining(", "))).append(")")
        .append(gap()).append("values ");
    int rows = 1 + (c.chance(30) ? 1 : 0);
    for (int r = 0; r < rows; r++) {
      sb.append(r > 0 ? ", (" : "(")
          .append(columns.stream().map(col -> value(col, table)).collect(Collectors.joining(", "))).append(')');
    }
    sb.append(onConflict(table, q == null ? table.qualifier() : q));
    sb.append(returning(table, q == null ? table.qualifier() : q, returning));
    return sb.toString();
  }

  private String insertSelect() {
    Table table = writeTarget();
    List<Column> columns = insertColumns(table);
    List<Type> shape = columns.stream().map(Column::type).toList();
    String source = select(shape, null, 1, false);
    String conflict = onConflict(table, table.qualifier());
    if (!conflict.isEmpty()) {
      // which of two source rows with one key is inserted depends on their order: fix the order
      source = "select * from (" + source + ") s order by " + positions(shape.size());
    }
    return "insert into " + table.ref() + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
        + ") " + source + conflict + returning(table, table.qualifier(), false);
  }

  private String onConflict(Table table, String q) {
    if (!c.chance(40)) {
      return "";
    }
    String target = c.chance(80) ? " (" + String.join(", ", table.key()) + ")" : "";
    List<Column> plain = table.plainColumns();
    if (target.isEmpty() || plain.isEmpty() || c.chance(40)) {
      return " on conflict" + target + " do nothing";
    }
    Column column = c.pick(plain);
    String value = c.chance(50) ? "excluded." + column.name()
        : column.type() == Type.INT ? "coalesce(" + q + "." + column.name() + ", 0) + 1" : q + "." + column.name() + " || 'x'";
    String where = c.chance(30) ? " where " + q + "." + column.name() + " is not null" : "";
    return " on conflict" + target + " do update set " + column.name() + " = " + value + where;
  }

  private String returning(Table table, String q, boolean forced) {
    if (!forced && !c.chance(30)) {
      returned = List.of();
      return "";
    }
    List<Column> columns = new ArrayList<>();
    for (Column column : table.columns()) {
      if (c.chance(50) || columns.isEmpty() && column == table.columns().get(table.columns().size() - 1)) {
        columns.add(column);
      }
    }
    returned = columns;
    return " returning " + columns.stream().map(col -> (c.chance(50) ? q + "." : "") + col.name() + " as " + col.name())
        .collect(Collectors.joining(", "));
  }

  private String update(boolean returning) {
    Table table = writeTarget();
    String q = c.chance(70) ? alias() : table.qualifier();
    Scope self = new Scope(null, new ArrayList<>(List.of(new Rel(q, table.columns(), table))), new ArrayList<>());
    List<Column> plain = table.plainColumns();
    List<String> sets = new ArrayList<>();
    for (Column column : plain) {
      if (c.chance(50) || sets.isEmpty() && column == plain.get(plain.size() - 1)) {
        sets.add(column.name() + " = " + expr(column.type(), self, 1));
      }
    }
    if (table.isTenant() && c.chance(5)) {
      sets.add(table.tenantColumn() + " = " + tenantValue());
    }
    StringBuilder sb = new StringBuilder("update ").append(table.ref())
        .append(q.equals(table.qualifier()) ? "" : " " + q).append(" set ").append(String.join(", ", sets));
    Scope where = self;
    if (c.chance(35)) {
      Scope from = Scope.nested(null);
      sb.append(from(from, 1));
      List<Rel> all = new ArrayList<>(self.rels);
      all.addAll(from.rels);
      where = new Scope(null, all, new ArrayList<>());
    }
    if (c.chance(85)) {
      sb.append(gap()).append("where ").append(cond(where, 1));
    }
    sb.append(returning(table, q, returning));
    return sb.toString();
  }

  private String delete(boolean returning) {
    Table table = writeTarget();
    String q = c.chance(70) ? alias() : table.qualifier();
    StringBuilder sb = new StringBuilder("delete from ").append(table.ref())
        .append(q.equals(table.qualifier()) ? "" : " " + q);
    List<Rel> all = new ArrayList<>(List.of(new Rel(q, table.columns(), table)));
    if (c.chance(35)) {
      Scope using = Scope.nested(null);
      sb.append(from("using ", using, 1));
      all.addAll(using.rels);
    }
    if (c.chance(85)) {
      sb.append(gap()).append("where ").append(cond(new Scope(null, all, new ArrayList<>()), 1));
    }
    sb.append(returning(table, q, returning));
    return sb.toString();
  }

  /** A data-modifying CTE read by the statement's SELECT. */
  private String writingCte() {
    String dml = switch (c.below(3)) {
      case 1 -> delete(true);
      case 2 -> insertValues(true);
      default -> update(true);
    };
    List<Column> columns = returned;
    String name = "m" + ++names;
    Scope s = Scope.nested(null);
    s.rels.add(new Rel(name, columns, null));
    String ints = columns.stream().filter(col -> col.type() == Type.INT).map(col -> "sum(" + col.name() + ")")
        .findFirst().orElse("count(*)");
    String read = c.chance(50) ? "select * from " + name : "select count(*), " + ints + " from " + name;
    return "with " + name + " as (" + dml + ") " + read;
  }
}
