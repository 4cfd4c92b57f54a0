package io.citushibernate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/** Checks the SQL a test sent: every tenant-table reference carries the tenant predicate. */
public final class Scoped {
  /** The ad-analytics tenant tables and their tenant column. */
  public static final Map<String, String> TENANT_COLUMNS = Map.of("companies", "id", "campaigns", "company_id",
      "ads", "company_id", "clicks", "company_id", "impressions", "company_id");

  private Scoped() {
  }

  /** References to tenant tables in {@code sql} that lack {@code qualifier.column = tenant}; empty when scoped. */
  public static List<String> unscopedReferences(String sql, long tenant) {
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(sql);
    } catch (Exception e) {
      throw new AssertionError("Sent SQL does not parse: " + sql, e);
    }
    List<Table> tables = new ArrayList<>();
    new TablesNamesFinder<Void>() {
      @Override
      public <S> Void visit(Table table, S context) {
        tables.add(table);
        return super.visit(table, context);
      }
    }.getTables(statement);
    String normalized = statement.toString();
    List<String> missing = new ArrayList<>();
    for (Table t : tables) {
      String column = TENANT_COLUMNS.get(t.getName().toLowerCase());
      if (column == null) {
        continue;
      }
      String qualifier = t.getAlias() != null ? t.getAlias().getName() : t.getName();
      if (!normalized.contains(qualifier + "." + column + " = " + tenant)
          && !(normalized.startsWith("INSERT") && normalized.contains(column))) {
        missing.add(t + " in: " + sql);
      }
    }
    return missing;
  }

  /** Whether {@code sql} names any tenant table. */
  public static boolean touchesTenantTable(String sql) {
    String lower = sql.toLowerCase();
    return TENANT_COLUMNS.keySet().stream().anyMatch(t -> lower.matches("(?s).*\\b" + t + "\\b.*"));
  }
}
