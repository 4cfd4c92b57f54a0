package io.citushibernate.testkit.routing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A table, CTE or derived table in a FROM clause, or the table a statement writes. */
final class TableRef {
  /** The table's name; a CTE's name or a derived table's alias. */
  final String table;
  final Catalog.Kind kind;
  /** The distribution column of a distributed table, {@code null} otherwise. */
  final String distributionColumn;
  /** The query level whose FROM clause names it. */
  final Scope scope;
  /** The columns of a CTE or derived table; {@code null} for a table. */
  final Outputs derived;
  /** How messages name it: the table and its alias. */
  final String display;
  /** The node of each column mentioned so far. */
  final Map<String, Node> columns = new LinkedHashMap<>();

  TableRef(String table, Catalog.Kind kind, String distributionColumn, Scope scope, Outputs derived, String display) {
    this.table = table;
    this.kind = kind;
    this.distributionColumn = distributionColumn;
    this.scope = scope;
    this.derived = derived;
    this.display = display;
  }

  boolean distributed() {
    return kind == Catalog.Kind.DISTRIBUTED && derived == null;
  }

  /** The name its query level knows it by: the alias, else the table. */
  String qualifier() {
    for (Map.Entry<String, TableRef> e : scope.byName.entrySet()) {
      if (e.getValue() == this) {
        return e.getKey();
      }
    }
    return table;
  }
}
