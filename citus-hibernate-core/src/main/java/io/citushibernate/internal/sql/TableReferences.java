package io.citushibernate.internal.sql;

import io.citushibernate.internal.mapping.TenantTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

/**
 * The tables a statement that reads or writes rows names, each with the schema it is qualified
 * with: found by the same walk that scopes statements ({@link AstWalker}), so no clause is missed
 * and CTE names are not tables. The testkit's schema-mode routing check resolves them against
 * the tenant's {@code search_path}.
 */
public final class TableReferences {
  /**
   * A table as a statement names it, in PostgreSQL's catalog form.
   *
   * @param schema the schema it is qualified with, {@code null} when the search path decides
   * @param name the table's name
   */
  public record Named(String schema, String name) {
  }

  private TableReferences() {
  }

  /**
   * The tables {@code sql} names; empty for statements that read or write no rows (DDL, utility
   * commands, {@code SET}); {@link Optional#empty()} when it cannot be parsed.
   */
  public static Optional<List<Named>> of(String sql) {
    Statement statement;
    try {
      statement = StatementRewriter.parse(sql);
    } catch (StatementRewriter.ParseFailure e) {
      return Optional.empty();
    }
    if (!(statement instanceof Select || statement instanceof Insert || statement instanceof Update
        || statement instanceof Delete || statement instanceof Merge)) {
      return Optional.of(List.of());
    }
    List<Named> named = new ArrayList<>();
    for (Table t : AstWalker.walk(statement).tables()) {
      if (t.getName() != null) {
        named.add(new Named(TenantTable.normalize(t.getSchemaName()), TenantTable.normalize(t.getName())));
      }
    }
    return Optional.of(List.copyOf(named));
  }
}
