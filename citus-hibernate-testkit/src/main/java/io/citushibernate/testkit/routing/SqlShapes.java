package io.citushibernate.testkit.routing;

import io.citushibernate.internal.sql.SqlWords;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * What PostgreSQL's planner makes of a piece of a statement (which subqueries it pulls up into
 * the outer query, which hold aggregates or windows), and the parts of an expression the walker
 * reads: the operands of {@code AND} and {@code OR}, without parentheses.
 */
final class SqlShapes {
  /** Functions that make a CTE volatile, which PostgreSQL then materializes. */
  private static final Set<String> VOLATILE = Set.of("random", "nextval", "setval", "clock_timestamp", "timeofday",
      "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v4", "pg_sleep");
  private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "array_agg", "string_agg",
      "bool_and", "bool_or", "every", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "bit_and",
      "bit_or", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "percentile_cont",
      "percentile_disc", "mode", "xmlagg");

  private SqlShapes() {
  }

  /** Whether {@code sql} calls a volatile function (read with the library's lexer: literals and comments skipped). */
  static boolean callsVolatileFunction(String sql) {
    for (SqlWords.Word word : SqlWords.words(sql)) {
      if (!word.quoted() && VOLATILE.contains(word.text().toLowerCase(Locale.ROOT))
          && (word.start() == 0 || sql.charAt(word.start() - 1) != '.')
          && sql.substring(word.end()).stripLeading().startsWith("(")) {
        return true;
      }
    }
    return false;
  }

  /** What a select-list expression holds outside its subqueries: aggregates, and the PARTITION BY of each window. */
  static final class Shape {
    boolean aggregate;
    final List<List<String>> partitions = new ArrayList<>();
  }

  /** The {@link Shape} of a select-list expression; an empty one for {@code null}. */
  static Shape shape(Expression e) {
    Shape shape = new Shape();
    if (e == null) {
      return shape;
    }
    e.accept(new ExpressionVisitorAdapter<Void>() {
      @Override
      public <S> Void visit(Function f, S context) {
        if (f.getName() != null && AGGREGATES.contains(f.getName().toLowerCase(Locale.ROOT))) {
          shape.aggregate = true;
        }
        return super.visit(f, context);
      }

      @Override
      public <S> Void visit(AnalyticExpression a, S context) {
        List<String> columns = new ArrayList<>();
        if (a.getPartitionExpressionList() != null) {
          for (Expression p : a.getPartitionExpressionList()) {
            if (unwrap(p) instanceof Column c && c.getColumnName() != null) {
              columns.add(Catalog.normalize(c.getColumnName()));
            }
          }
        }
        shape.partitions.add(columns);
        return null;
      }

      @Override
      public <S> Void visit(ParenthesedSelect select, S context) {
        return null;
      }

      @Override
      public <S> Void visit(Select select, S context) {
        return null;
      }
    }, null);
    return shape;
  }

  /** The subqueries in {@code e}, outermost only. */
  static List<Select> subqueries(Expression e) {
    List<Select> found = new ArrayList<>();
    if (e == null) {
      return found;
    }
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
    return found;
  }

  /** Whether {@code e} holds a subquery. */
  static boolean hasSubquery(Expression e) {
    return !subqueries(e).isEmpty();
  }

  /** Whether {@code e} mentions a column (DEFAULT reads as one). */
  static boolean mentionsColumn(Expression e) {
    boolean[] found = {false};
    e.accept(new ExpressionVisitorAdapter<Void>() {
      @Override
      public <S> Void visit(Column column, S context) {
        found[0] = true;
        return null;
      }
    }, null);
    return found[0];
  }

  /** Whether PostgreSQL pulls a subquery in FROM up into the outer query (a "simple" subquery). */
  static boolean pulledUp(Select select) {
    if (select.getLimit() != null || select.getOffset() != null || select.getFetch() != null) {
      return false;
    }
    if (select instanceof ParenthesedSelect ps) {
      return pulledUp(ps.getSelect());
    }
    if (!(select instanceof PlainSelect ps)) {
      return false;
    }
    return ps.getDistinct() == null && ps.getGroupBy() == null && ps.getHaving() == null
        && !aggregatesOrWindows(ps);
  }

  /** Whether PostgreSQL turns {@code [NOT] EXISTS (select)} into a semi- or anti-join (a constant LIMIT is dropped). */
  static boolean existsPulledUp(Select select) {
    if (select instanceof ParenthesedSelect ps && ps.getLimit() == null && ps.getOffset() == null) {
      return existsPulledUp(ps.getSelect());
    }
    if (!(select instanceof PlainSelect ps) || select.getOffset() != null) {
      return false;
    }
    return ps.getGroupBy() == null && ps.getHaving() == null && ps.getFromItem() != null
        && !aggregatesOrWindows(ps);
  }

  /** Whether the select list of {@code ps} computes an aggregate or a window function. */
  private static boolean aggregatesOrWindows(PlainSelect ps) {
    for (SelectItem<?> item : ps.getSelectItems()) {
      Shape shape = shape(item.getExpression());
      if (shape.aggregate || !shape.partitions.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code f} is {@code ANY(...)} or {@code SOME(...)}. */
  static boolean isAny(Function f) {
    return f.getName() != null && (f.getName().equalsIgnoreCase("any") || f.getName().equalsIgnoreCase("some"));
  }

  /** {@code e} without the parentheses around it. */
  static Expression unwrap(Expression e) {
    while (true) {
      if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
        e = list.get(0);
      } else {
        return e;
      }
    }
  }

  /** The operands of the {@code AND}s at the top of {@code e} (a double {@code NOT} dropped). */
  static List<Expression> conjuncts(Expression e) {
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

  /** Adds the operands of the {@code OR}s at the top of {@code e} to {@code out}. */
  static void disjuncts(Expression e, List<Expression> out) {
    Expression x = unwrap(e);
    if (x instanceof OrExpression or) {
      disjuncts(or.getLeftExpression(), out);
      disjuncts(or.getRightExpression(), out);
    } else {
      out.add(x);
    }
  }
}
