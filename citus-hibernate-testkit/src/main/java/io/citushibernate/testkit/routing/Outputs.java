package io.citushibernate.testkit.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The columns a query level returns: their names and the nodes that hold their values. */
final class Outputs {
  final List<String> names = new ArrayList<>();
  final List<Node> nodes = new ArrayList<>();
  Scope scope;
  boolean star;
  /** How outer restrictions on these columns reach inside (see {@link Flow}). */
  Flow flow = Flow.OPEN;
  /** With window functions: the columns every window is partitioned by; only those take outer restrictions. */
  Set<String> partitioned;
  /** The branches of a set operation; {@link #nodes} then holds one node per column that feeds them all. */
  List<Outputs> branches;
  /** For a CTE: how often it is referenced, and whether PostgreSQL must materialize it anyway. */
  boolean cte;
  int references;
  boolean materialized;
  /** For a SELECT CTE: its table references (from, to), which PostgreSQL drops when nothing references it. */
  int firstRef = -1;
  int endRef = -1;

  /** How outer restrictions on {@code column} reach inside. */
  Flow flow(String column) {
    if (cte && (materialized || references > 1)) {
      return Flow.SEALED;
    }
    if (partitioned != null && !partitioned.contains(column)) {
      return Flow.SEALED;
    }
    return flow;
  }
}
