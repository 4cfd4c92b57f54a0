package io.citushibernate.testkit.routing;

import static io.citushibernate.testkit.routing.SqlShapes.unwrap;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * What a restriction tells about the value of a column, read from a literal, a parameter or an
 * array. The kind is a field of its own, so that no constant can pass for a value that is unknown
 * or for several values.
 *
 * @param kind what is known
 * @param text the value as canonical text ({@link #canonical}) when it is known; otherwise where it
 *     comes from, for messages
 */
record Value(Kind kind, String text) {
  enum Kind {
    /** One value, known now: a constant or a bound parameter. */
    KNOWN,
    /**
     * One value that is known only when the statement runs: an unbound parameter, or an expression
     * without columns that Citus evaluates on the coordinator before it routes the row.
     */
    UNKNOWN,
    /** Several values (an {@code IN} list, an {@code ANY} array, an {@code OR}): several shards. */
    SEVERAL
  }

  static Value known(String text) {
    return new Value(Kind.KNOWN, text);
  }

  static Value unknown(String source) {
    return new Value(Kind.UNKNOWN, source);
  }

  static Value several(String description) {
    return new Value(Kind.SEVERAL, description);
  }

  boolean isKnown() {
    return kind == Kind.KNOWN;
  }

  boolean isUnknown() {
    return kind == Kind.UNKNOWN;
  }

  boolean isSeveral() {
    return kind == Kind.SEVERAL;
  }

  /** The value in a message: an unknown one shows as {@code ?}. */
  String shown() {
    return isUnknown() ? "?" : text;
  }

  /**
   * The value of a literal or a parameter (bound in {@code parameters}, 1-based, or unbound),
   * {@code null} for anything else and for a parameter bound to null.
   */
  static Value of(Expression e, Map<Integer, Object> parameters) {
    e = unwrap(e);
    if (e instanceof CastExpression cast) {
      return of(cast.getLeftExpression(), parameters);
    }
    if (e instanceof LongValue v) {
      return known(canonical(v.getStringValue()));
    }
    if (e instanceof DoubleValue v) {
      return known(canonical(String.valueOf(v.getValue())));
    }
    if (e instanceof StringValue v) {
      return known(v.getValue().replace("''", "'"));
    }
    if (e instanceof SignedExpression s && s.getSign() == '-') {
      Value inner = of(s.getExpression(), parameters);
      if (inner == null) {
        return null;
      }
      return inner.isKnown() ? known(canonical("-" + inner.text())) : unknown("-" + inner.text());
    }
    if (e instanceof JdbcParameter p) {
      if (p.getIndex() != null && parameters.containsKey(p.getIndex())) {
        Object value = parameters.get(p.getIndex());
        return value == null ? null : known(canonical(value));
      }
      return unknown(p.getIndex() == null ? "" : String.valueOf(p.getIndex()));
    }
    return null;
  }

  /**
   * The elements of the array {@code = ANY(array)} compares with: an {@code ARRAY[...]} of literals
   * and parameters, an array literal such as {@code '{1,2}'}, or a bound array parameter;
   * {@code null} when their number is not known.
   */
  static List<Value> ofArray(Expression array, Map<Integer, Object> parameters) {
    Expression arg = unwrap(array);
    while (arg instanceof CastExpression cast) {
      arg = unwrap(cast.getLeftExpression());
    }
    if (arg instanceof ArrayConstructor constructor && constructor.getExpressions() != null) {
      List<Value> values = new ArrayList<>();
      for (Expression e : constructor.getExpressions()) {
        Value v = of(e, parameters);
        if (v == null) {
          return null;
        }
        values.add(v);
      }
      return values;
    }
    if (arg instanceof StringValue literal) {
      return ofArrayLiteral(literal.getValue());
    }
    if (arg instanceof JdbcParameter p && p.getIndex() != null && parameters.containsKey(p.getIndex())) {
      return ofArrayParameter(parameters.get(p.getIndex()));
    }
    return null;
  }

  /** The elements of an array literal such as {@code '{1,2}'}, {@code null} when it is not a flat one. */
  private static List<Value> ofArrayLiteral(String literal) {
    String s = literal.trim();
    if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
      return null;
    }
    String body = s.substring(1, s.length() - 1).trim();
    if (body.contains("{") || body.contains("\"")) {
      return null;
    }
    List<Value> values = new ArrayList<>();
    if (body.isEmpty()) {
      return values;
    }
    for (String element : body.split(",")) {
      values.add(known(canonical(element.trim())));
    }
    return values;
  }

  /** The elements of an array bound as a parameter, {@code null} when {@code parameter} is not an array. */
  private static List<Value> ofArrayParameter(Object parameter) {
    Object array = parameter;
    if (parameter instanceof java.sql.Array sqlArray) {
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
    List<Value> values = new ArrayList<>();
    for (int i = 0; i < Array.getLength(array); i++) {
      Object v = Array.get(array, i);
      values.add(known(v == null ? "null" : canonical(v)));
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
    return value instanceof UUID ? s.toLowerCase(Locale.ROOT) : s;
  }
}
