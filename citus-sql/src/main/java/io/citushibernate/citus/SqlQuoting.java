package io.citushibernate.citus;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** PostgreSQL string literals and quoted identifiers. */
public final class SqlQuoting {
  /** PostgreSQL's longest identifier, in bytes (NAMEDATALEN - 1). */
  public static final int MAX_IDENTIFIER_BYTES = 63;
  private static final Pattern TENANT_SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_-]*");

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

  /**
   * What is wrong with {@code name} as a tenant schema's name, in words, or {@code null} when it
   * is a safe one: lower-case letters, digits, underscores and hyphens from a letter or underscore
   * (so it reads the same quoted), at most 63 bytes (PostgreSQL would cut a longer name short, and
   * two tenants could share one), and not in PostgreSQL's reserved {@code pg_} prefix.
   */
  public static String tenantSchemaNameProblem(String name) {
    if (name == null) {
      return "no name";
    }
    if (!TENANT_SCHEMA_NAME.matcher(name).matches()) {
      return "'" + name + "', which is not lower-case letters, digits, underscores and hyphens from a letter or underscore";
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
      return "'" + name + "', longer than PostgreSQL's " + MAX_IDENTIFIER_BYTES + "-byte identifiers";
    }
    return name.startsWith("pg_") ? "'" + name + "', in PostgreSQL's reserved pg_ prefix" : null;
  }
}
