package io.citushibernate.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The tables of a schema as Citus sees them, read from pg_class and pg_dist_partition (catalog
 * queries on the coordinator, allowed under the routing check).
 */
final class CitusTables {
  private CitusTables() {
  }

  /** How Citus holds a table, and where: shard and colocation ids tell a re-distribution apart. */
  record Placement(String kind, String column, long colocationId, long firstShard) {
    /** {@code hash(column)}, {@code reference}, {@code citus-local} or {@code local}. */
    String describe() {
      return switch (kind) {
        case "h" -> "hash(" + column + ")";
        case "reference" -> "reference";
        case "citus-local" -> "citus-local";
        default -> "local";
      };
    }
  }

  /** Every ordinary table of {@code schema} by name. */
  static Map<String, Placement> of(DataSource db, String schema) {
    String sql = """
        select c.relname,
               case when p.partmethod = 'h' then 'h'
                    when p.repmodel = 't' then 'reference'
                    when p.logicalrelid is not null then 'citus-local'
                    else 'local' end,
               case when p.partmethod = 'h' then column_to_column_name(p.logicalrelid, p.partkey) end,
               coalesce(p.colocationid, 0),
               coalesce((select min(s.shardid) from pg_dist_shard s where s.logicalrelid = c.oid), 0)
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          left join pg_dist_partition p on p.logicalrelid = c.oid
         where n.nspname = ? and c.relkind in ('r', 'p')
        """;
    String plain = """
        select c.relname, 'local', null, 0, 0 from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = ? and c.relkind in ('r', 'p')
        """;
    Map<String, Placement> tables = new TreeMap<>();
    try (Connection c = db.getConnection()) {
      boolean citus;
      try (PreparedStatement ps = c.prepareStatement("select 1 from pg_extension where extname = 'citus'");
          ResultSet rs = ps.executeQuery()) {
        citus = rs.next();
      }
      try (PreparedStatement ps = c.prepareStatement(citus ? sql : plain)) {
        ps.setString(1, schema);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tables.put(rs.getString(1), new Placement(rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getLong(5)));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return tables;
  }

  /** {@link #of} as table name to {@link Placement#describe()}. */
  static Map<String, String> described(DataSource db, String schema) {
    Map<String, String> out = new TreeMap<>();
    of(db, schema).forEach((table, placement) -> out.put(table, placement.describe()));
    return out;
  }
}
