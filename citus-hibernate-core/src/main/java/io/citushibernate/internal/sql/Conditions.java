package io.citushibernate.internal.sql;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/** The boolean structure of WHERE and ON conditions, as PostgreSQL reads them. */
final class Conditions {
  private static final int OR = 0;
  private static final int XOR = 1;
  private static final int AND = 2;

  private Conditions() {
  }

  /**
   * {@code e} with the boolean structure PostgreSQL gives its text.
   *
   * <p>JSqlParser 5.3 parses the right side of IN as a whole expression (JSqlParser issues #2244,
   * #2282, fixed after 5.3): {@code a IN (1, 2) OR b = 1} becomes {@code a IN ((1, 2) OR b = 1)}.
   * The text prints back unchanged, but a predicate appended to that tree would bind to
   * {@code b = 1} only: {@code a IN (1, 2) OR b = 1 AND t.tenant = 5} lets every tenant's rows
   * with {@code a IN (1, 2)} through. The AND/OR/XOR chain is re-associated here the way
   * PostgreSQL reads it: IN binds tighter than NOT, AND, XOR and OR.
   */
  static Expression repair(Expression e) {
    if (!misparsed(e)) {
      return e;
    }
    List<Expression> operands = new ArrayList<>();
    List<Integer> operators = new ArrayList<>();
    linearize(e, operands, operators);
    return build(operands, operators, 0, operands.size() - 1, OR);
  }

  /**
   * {@code left AND right}; an OR or XOR on the left is parenthesized, so the new conjunct binds to
   * the whole condition. {@code left} may be {@code null} (no condition yet).
   */
  static Expression and(Expression left, Expression right) {
    if (left == null) {
      return right;
    }
    if (left instanceof OrExpression || left instanceof XorExpression) {
      left = new ParenthesedExpressionList<>(left);
    }
    return new AndExpression(left, right);
  }

  /** The top-level conjuncts of {@code e} (repaired), looking into parentheses. */
  static List<Expression> conjuncts(Expression e) {
    List<Expression> out = new ArrayList<>();
    flatten(e, out);
    return out;
  }

  private static void flatten(Expression e, List<Expression> out) {
    if (e instanceof AndExpression and) {
      flatten(and.getLeftExpression(), out);
      flatten(and.getRightExpression(), out);
      return;
    }
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1 && p.get(0) != null
        && !(p.get(0) instanceof OrExpression || p.get(0) instanceof XorExpression)) {
      flatten(p.get(0), out);
      return;
    }
    if (e != null) {
      out.add(e);
    }
  }

  private static boolean logical(Expression e) {
    return e instanceof AndExpression || e instanceof OrExpression || e instanceof XorExpression;
  }

  private static boolean misparsed(Expression e) {
    if (logical(e)) {
      BinaryExpression b = (BinaryExpression) e;
      return misparsed(b.getLeftExpression()) || misparsed(b.getRightExpression());
    }
    if (e instanceof NotExpression not) {
      return misparsed(not.getExpression());
    }
    if (e instanceof ParenthesedExpressionList<?> p) {
      return p.size() == 1 && misparsed(p.get(0));
    }
    return e instanceof InExpression in && logical(in.getRightExpression());
  }

  /** The operands and operators of an AND/OR/XOR chain in text order. */
  private static void linearize(Expression e, List<Expression> operands, List<Integer> operators) {
    if (logical(e)) {
      BinaryExpression b = (BinaryExpression) e;
      linearize(b.getLeftExpression(), operands, operators);
      operators.add(e instanceof AndExpression ? AND : e instanceof XorExpression ? XOR : OR);
      linearize(b.getRightExpression(), operands, operators);
    } else if (e instanceof InExpression in && logical(in.getRightExpression())) {
      // IN takes only the first operand of what the parser gave it
      int first = operands.size();
      linearize(in.getRightExpression(), operands, operators);
      in.setRightExpression(operands.get(first));
      operands.set(first, in);
    } else if (e instanceof NotExpression not && misparsed(not.getExpression())) {
      int first = operands.size();
      linearize(not.getExpression(), operands, operators);
      not.setExpression(operands.get(first));
      operands.set(first, not);
    } else if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1 && misparsed(p.get(0))) {
      @SuppressWarnings("unchecked") // a one-element list of conditions: the element is an Expression
      ParenthesedExpressionList<Expression> group = (ParenthesedExpressionList<Expression>) p;
      group.set(0, repair(group.get(0)));
      operands.add(group);
    } else {
      operands.add(e);
    }
  }

  /** Operands {@code from..to} joined left-associatively, operators of lower precedence outermost. */
  private static Expression build(List<Expression> operands, List<Integer> operators, int from, int to, int level) {
    if (from == to) {
      return operands.get(from);
    }
    if (level > AND) {
      throw new IllegalStateException("operator chain without operator");
    }
    Expression result = null;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || operators.get(i) == level) {
        Expression part = build(operands, operators, start, i, level + 1);
        result = result == null ? part : combine(level, result, part);
        start = i + 1;
      }
    }
    return result;
  }

  private static Expression combine(int level, Expression left, Expression right) {
    return switch (level) {
      case AND -> new AndExpression(left, right);
      case XOR -> new XorExpression(left, right);
      default -> new OrExpression(left, right);
    };
  }
}
