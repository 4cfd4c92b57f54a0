package io.citushibernate.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What PostgreSQL's catalog says about a table's keys, with every column in key order. */
final class Catalog {
  private Catalog() {
  }

  /**
   * Primary keys, unique constraints and foreign keys of {@code table} as
   * {@code "PRIMARY KEY (a, b)"}, {@code "UNIQUE (a, b)"} and
   * {@code "FOREIGN KEY (a, b) REFERENCES t (c, d)"}, read from pg_constraint, plus unique
   * indexes that back no constraint as {@code "UNIQUE INDEX (a, b)"}, read from pg_index.
   */
  static List<String> keys(DataSource dataSource, String table) {
    String constraints = """
        select c.contype,
               array(select a.attname from unnest(c.conkey) with ordinality k(num, pos)
                     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.num order by k.pos),
               (select r.relname from pg_class r where r.oid = c.confrelid),
               array(select a.attname from unnest(c.confkey) with ordinality k(num, pos)
                     join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.num order by k.pos)
          from pg_constraint c
         where c.conrelid = to_regclass(?) and c.contype in ('p', 'u', 'f')
        """;
    String indexes = """
        select array(select a.attname from unnest(i.indkey::int2[]) with ordinality k(num, pos)
                     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.num order by k.pos)
          from pg_index i
         where i.indrelid = to_regclass(?) and i.indisunique
           and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
        """;
    List<String> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(constraints)) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String columns = columns(rs.getArray(2).getArray());
            switch (rs.getString(1)) {
              case "p" -> keys.add("PRIMARY KEY " + columns);
              case "u" -> keys.add("UNIQUE " + columns);
              default -> keys.add("FOREIGN KEY " + columns + " REFERENCES " + rs.getString(3) + " "
                  + columns(rs.getArray(4).getArray()));
            }
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(indexes)) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            keys.add("UNIQUE INDEX " + columns(rs.getArray(1).getArray()));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return keys;
  }

  /** Column names of {@code table} that are NOT NULL. */
  static List<String> notNullColumns(DataSource dataSource, String table) {
    List<String> names = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select attname from pg_attribute where attrelid = to_regclass(?) "
            + "and attnum > 0 and not attisdropped and attnotnull order by attnum")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private static String columns(Object array) {
    return "(" + String.join(", ", (String[]) array) + ")";
  }
}
