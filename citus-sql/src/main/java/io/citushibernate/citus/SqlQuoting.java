package io.citushibernate.citus;

/** PostgreSQL string literals and quoted identifiers. */
public final class SqlQuoting {
  private SqlQuoting() {
  }

  /**
   * {@code text} as a string literal that reads the same whatever {@code standard_conforming_strings}
   * is: plain quotes when it has no backslash, an escape string ({@code E'...'}, backslashes doubled)
   * otherwise. Quotes are doubled in both.
   */
  public static String literal(String text) {
    String quotesDoubled = text.replace("'", "''");
    if (text.indexOf('\\') < 0) {
      return "'" + quotesDoubled + "'";
    }
    return "E'" + quotesDoubled.replace("\\", "\\\\") + "'";
  }

  /**
   * {@code name} as a quoted identifier: exactly that name, case and reserved words included
   * (double quotes inside doubled).
   */
  public static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code schema.table}, both quoted; just the quoted table when {@code schema} is {@code null}. */
  public static String qualifiedIdentifier(String schema, String table) {
    return schema == null ? identifier(table) : identifier(schema) + "." + identifier(table);
  }

  /**
   * The table {@code schema.table} (catalog names, as PostgreSQL stores them) as the text
   * argument a {@code regclass} parameter takes: the quoted, qualified name in a string literal.
   */
  public static String regclassLiteral(String schema, String table) {
    return literal(qualifiedIdentifier(schema, table));
  }
}
