package io.citushibernate.internal.mapping;

import java.util.Locale;
import java.util.Objects;

/**
 * A table distributed by a tenant column.
 *
 * @param schema the schema, or {@code null} for the search path's
 * @param name the table name, unquoted, in the case PostgreSQL stores it
 * @param column the tenant column as written in SQL (quoted when it must be)
 */
public record TenantTable(String schema, String name, String column) {
  public TenantTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(column, "column");
  }

  /** The PostgreSQL catalog form of an identifier: unquoted names fold to lower case. */
  public static String normalize(String identifier) {
    if (identifier == null) {
      return null;
    }
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    if (identifier.length() >= 2 && identifier.startsWith("`") && identifier.endsWith("`")) {
      return identifier.substring(1, identifier.length() - 1);
    }
    return identifier.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return (schema == null ? "" : schema + ".") + name + "(" + column + ")";
  }
}
