package io.citushibernate.internal.jdbc;

import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.internal.mapping.TenantTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a tenant-scoping data source learns the tenant tables when no Hibernate mapping names them:
 * the database's own record of how its tables are distributed. An interface so that tests can
 * stand in for Citus on plain PostgreSQL.
 */
@FunctionalInterface
public interface TenantTableCatalog {
  /**
   * The tenant tables recorded in the database {@code connection} reaches, or empty when it keeps
   * no such record (PostgreSQL without Citus). Reads only; leaves the connection's transaction usable.
   */
  Optional<List<TenantTable>> read(Connection connection) throws SQLException;

  /**
   * Citus' catalog: every hash-distributed table of {@code pg_dist_partition} with its
   * distribution column. Reference tables ({@code partmethod = 'n'}) and local tables are shared,
   * not tenant tables. Checked with {@code to_regclass} first, which cannot fail, so that a
   * database without Citus does not abort the caller's transaction.
   */
  TenantTableCatalog CITUS = connection -> {
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("select to_regclass('pg_catalog.pg_dist_partition') is not null")) {
        if (!rs.next() || !rs.getBoolean(1)) {
          return Optional.empty();
        }
      }
      List<TenantTable> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("select n.nspname, c.relname, "
          + "column_to_column_name(p.logicalrelid, p.partkey) from pg_catalog.pg_dist_partition p "
          + "join pg_catalog.pg_class c on c.oid = p.logicalrelid "
          + "join pg_catalog.pg_namespace n on n.oid = c.relnamespace where p.partmethod = 'h'")) {
        while (rs.next()) {
          tables.add(new TenantTable(rs.getString(1), rs.getString(2), asWritten(rs.getString(3))));
        }
      }
      return Optional.of(List.copyOf(tables));
    }
  };

  /** A catalog column name as SQL writes it: quoted unless PostgreSQL would read it unquoted as itself. */
  static String asWritten(String column) {
    return column.matches("[a-z_][a-z0-9_$]*") ? column : SqlQuoting.identifier(column);
  }
}
