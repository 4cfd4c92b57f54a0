package io.citushibernate.testkit;

import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.testkit.routing.Catalog;
import io.citushibernate.testkit.routing.Verdict;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.postgresql.PGResultSetMetaData;

/**
 * Watches a block that runs as one tenant: every statement pinned to another tenant, every
 * result row whose tenant column holds another tenant, and (by snapshots taken before and after)
 * every change to another tenant's rows is a violation.
 */
final class IsolationWatch {
  private static final int MAX = 20;

  private final String tenant;
  private final Catalog catalog;
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

  IsolationWatch(Object tenant, Catalog catalog) {
    this.tenant = Verdict.tenantText(tenant);
    this.catalog = catalog;
  }

  List<String> violations() {
    synchronized (violations) {
      return new ArrayList<>(new java.util.LinkedHashSet<>(violations));
    }
  }

  private void violation(String v) {
    if (violations.size() < MAX) {
      violations.add(v);
    }
  }

  void statement(String sql, Verdict verdict) {
    if (verdict.tenant() != null && !verdict.tenant().equals(tenant)) {
      violation((verdict.write() ? "wrote" : "read") + " tenant " + verdict.tenant() + " of " + verdict.tables()
          + ": " + sql);
    }
  }

  /** {@code rs}, checking the tenant column of every row it returns from a tenant table. */
  ResultSet wrap(String sql, ResultSet rs) throws SQLException {
    Map<Integer, String> tenantColumns = new LinkedHashMap<>();
    ResultSetMetaData md = rs.getMetaData();
    if (md == null || !md.isWrapperFor(PGResultSetMetaData.class)) {
      return rs;
    }
    PGResultSetMetaData pg = md.unwrap(PGResultSetMetaData.class);
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String table = pg.getBaseTableName(i);
      String column = pg.getBaseColumnName(i);
      if (table != null && !table.isEmpty() && column != null && column.equals(catalog.distributionColumn(table))) {
        tenantColumns.put(i, table + "." + column);
      }
    }
    if (tenantColumns.isEmpty()) {
      return rs;
    }
    InvocationHandler handler = (proxy, method, args) -> {
      Object result;
      try {
        result = method.invoke(rs, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
        for (Map.Entry<Integer, String> e : tenantColumns.entrySet()) {
          Object value = rs.getObject(e.getKey());
          if (value != null && !Verdict.tenantText(value).equals(tenant)) {
            violation("read a row of tenant " + Verdict.tenantText(value) + " from " + e.getValue() + ": " + sql);
          }
        }
      }
      return result;
    };
    return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class}, handler);
  }

  /** Per tenant table and other tenant: the number of rows and a digest of their contents. */
  Map<String, String> snapshot(Connection c) throws SQLException {
    Map<String, String> state = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : catalog.distributed().entrySet()) {
      String col = SqlQuoting.identifier(t.getValue());
      String sql = "SELECT " + col + "::text, count(*), md5(string_agg(x::text, E'\\n' ORDER BY x::text)) FROM "
          + SqlQuoting.identifier(t.getKey()) + " x WHERE " + col + "::text IS DISTINCT FROM ? GROUP BY 1";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            state.put(t.getKey() + " of tenant " + rs.getString(1), rs.getLong(2) + " row(s) " + rs.getString(3));
          }
        }
      } catch (SQLException e) {
        if (!"42P01".equals(e.getSQLState())) {
          throw e;
        }
      }
    }
    return state;
  }

  void compare(Map<String, String> before, Map<String, String> after) {
    TreeSet<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String k : keys) {
      String b = before.get(k);
      String a = after.get(k);
      if (b == null) {
        violation("wrote rows of " + k + ": " + rows(a) + " now, none before");
      } else if (a == null) {
        violation("deleted every row of " + k + " (" + rows(b) + " before)");
      } else if (!a.equals(b)) {
        violation("changed rows of " + k + " (" + rows(b) + " before, " + rows(a) + " after)");
      }
    }
  }

  private static String rows(String state) {
    return state.substring(0, state.indexOf(' ')) + " row(s)";
  }
}
