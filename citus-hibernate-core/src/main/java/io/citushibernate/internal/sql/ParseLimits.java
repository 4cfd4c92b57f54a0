package io.citushibernate.internal.sql;

/**
 * Bounds on what the rewriter hands to the SQL parser. JSqlParser backtracks, and its time grows
 * faster than the input on deep nesting (seconds at a few hundred levels) and on very long
 * statements, so a statement beyond either bound is refused before it is parsed: no input can hold
 * a request thread. Measured by the lexer in the same pass that finds the tenant tables.
 *
 * @param maxLength the longest statement, in characters
 * @param maxNesting the deepest nesting of parentheses and CASE expressions
 */
public record ParseLimits(int maxLength, int maxNesting) {
  /**
   * 256 KiB holds an IN list of 65,535 placeholders, PostgreSQL's limit of bind parameters; 64
   * levels is several times what Hibernate writes, and parses in about a tenth of a second.
   */
  public static final ParseLimits DEFAULT = new ParseLimits(262_144, 64);

  public ParseLimits {
    if (maxLength < 1 || maxNesting < 1) {
      throw new IllegalArgumentException("parse limits must be positive: " + maxLength + ", " + maxNesting);
    }
  }

  /**
   * The cause of the {@code UnscopableStatementException} that refuses a statement beyond a limit:
   * it tells that refusal apart from the others (the {@code too-large} reason of the meters).
   */
  public static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(String what, int actual, int limit) {
      super(what + " " + actual + " exceeds the limit " + limit, null, false, false);
    }
  }
}
