package io.citushibernate.sql;

/**
 * Lets the fuzzer's package compare {@link AstWalker} with {@link ReflectiveAstWalker} (both
 * package-private in the SQL engine) on the statements it generates.
 */
public final class AstWalkerOracle {
  private AstWalkerOracle() {
  }

  /** {@code null} when {@code sql} does not parse or both walks agree; else where they differ. */
  public static String difference(String sql) {
    try {
      return ReflectiveAstWalker.difference(StatementRewriter.parse(sql));
    } catch (StatementRewriter.ParseFailure e) {
      return null;
    }
  }

  /** Whether JSqlParser reads {@code sql}. */
  public static boolean parses(String sql) {
    try {
      StatementRewriter.parse(sql);
      return true;
    } catch (StatementRewriter.ParseFailure e) {
      return false;
    }
  }
}
