package io.citushibernate.internal.mapping;

import java.util.Locale;
import java.util.Objects;

/**
 * A table distributed by a tenant column.
 *
 * @param schema the schema, or {@code null} for the search path's
 * @param name the table name, unquoted, in the case PostgreSQL stores it
 * @param column the tenant column as written in SQL (quoted when it must be); {@link #SCHEMA_SCOPED}
 *     for a table whose tenant is its schema alone ({@code @TenantOwned} without a tenant key)
 */
public record TenantTable(String schema, String name, String column) {
  /**
   * The column of a schema mode tenant table without a tenant column. Schema mode only asks the
   * statement rewriter whether a statement names a tenant table and never sends what it renders,
   * so this name stands in for the column there; the row model refuses such tables at boot.
   */
  public static final String SCHEMA_SCOPED = "\"citus_hibernate_tenant_schema\"";

  public TenantTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(column, "column");
  }

  /** A table of tenant rows whose tenant is the schema it lives in, with no tenant column. */
  static TenantTable schemaScoped(String schema, String name) {
    return new TenantTable(schema, name, SCHEMA_SCOPED);
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
    return (schema == null ? "" : schema + ".") + name + (SCHEMA_SCOPED.equals(column) ? "" : "(" + column + ")");
  }
}
