package io.citushibernate.testkit.routing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One query level: the names its FROM clause makes visible, and its CTEs. */
final class Scope {
  final Scope parent;
  /** How values cross from the enclosing level into this one. */
  final Flow flow;
  final Map<String, TableRef> byName = new LinkedHashMap<>();
  final Map<String, Outputs> ctes = new HashMap<>();
  /** Columns merged by {@code JOIN ... USING}: an unqualified reference means the joined column. */
  final Map<String, Node> merged = new HashMap<>();
  /** Whether a column inside refers to a query level outside. */
  boolean correlated;

  Scope(Scope parent, Flow flow) {
    this.parent = parent;
    this.flow = flow;
  }

  boolean isWithin(Scope ancestor) {
    for (Scope s = this; s != null; s = s.parent) {
      if (s == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The CTE {@code name} visible here, {@code null} when there is none. */
  Outputs cte(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Outputs o = s.ctes.get(name);
      if (o != null) {
        return o;
      }
    }
    return null;
  }
}
