package io.citushibernate.testkit.routing;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * Finds the node a column reference stands for: by its qualifier or, unqualified, in the one table
 * of the query level that has it (a {@code JOIN ... USING} column means the merged one), then in
 * the levels outside, which marks the levels in between correlated. A column of a derived table or
 * CTE has a node of its own, connected to the node inside that feeds it once the whole statement is
 * read, when it is known whether PostgreSQL pulls that query up.
 */
final class ColumnResolver {
  /** A column of a derived table or CTE as the outer query sees it, and the node inside that feeds it. */
  private record Proxy(Node outer, Node inner, Outputs outputs, String column) {
  }

  private final EqualityGraph graph;
  private final List<Proxy> proxies = new ArrayList<>();

  ColumnResolver(EqualityGraph graph) {
    this.graph = graph;
  }

  /**
   * The node of {@code column} of {@code ref}. A column of a derived table or CTE gets its own
   * node, connected to the node inside that feeds it once the statement is read ({@link #connectProxies}).
   */
  Node node(TableRef ref, String column) {
    Node node = ref.columns.get(column);
    if (node == null) {
      node = Node.column(ref, column);
      ref.columns.put(column, node);
      if (ref.derived != null) {
        Node inner = innerNode(ref.derived, column);
        if (inner != null) {
          proxies.add(new Proxy(node, inner, ref.derived, column));
        }
      }
    }
    return node;
  }

  private Node innerNode(Outputs out, String column) {
    int i = out.names.indexOf(column);
    if (i >= 0) {
      return out.nodes.get(i);
    }
    if (out.star && out.branches != null) {
      Node node = Node.made(column + " of a set operation");
      for (Outputs branch : out.branches) {
        Node inner = innerNode(branch, column);
        if (inner != null && branch.flow(column) != Flow.SEALED) {
          graph.flow(node, inner);
        }
      }
      return node;
    }
    if (out.star && out.scope != null) {
      return resolveIn(out.scope, column);
    }
    return null;
  }

  private boolean hasColumn(TableRef ref, String column) {
    if (ref.derived != null) {
      Outputs out = ref.derived;
      return out.names.contains(column)
          || out.star && out.branches != null && !out.branches.isEmpty() && hasColumn(out.branches.get(0), column)
          || out.star && out.branches == null && out.scope != null && resolveIn(out.scope, column) != null;
    }
    return column.equals(ref.distributionColumn);
  }

  private boolean hasColumn(Outputs out, String column) {
    return out.names.contains(column) || out.star && out.scope != null && resolveIn(out.scope, column) != null;
  }

  private Node resolveIn(Scope scope, String column) {
    Node merged = scope.merged.get(column);
    if (merged != null) {
      return merged;
    }
    List<TableRef> own = new ArrayList<>();
    for (TableRef r : scope.byName.values()) {
      if (hasColumn(r, column)) {
        own.add(r);
      }
    }
    if (own.size() == 1) {
      return node(own.get(0), column);
    }
    if (own.isEmpty() && scope.byName.size() == 1) {
      return node(scope.byName.values().iterator().next(), column);
    }
    return null;
  }

  /**
   * The node of the column {@code e} names, looked up from {@code scope} outwards; {@code null} when
   * {@code e} is not a column or names none that is known.
   */
  Node columnNode(Expression e, Scope scope) {
    if (!(e instanceof Column c) || c.getColumnName() == null) {
      return null;
    }
    String column = Catalog.normalize(c.getColumnName());
    Table t = c.getTable();
    String qualifier = t == null || t.getName() == null ? null : Catalog.normalize(t.getName());
    for (Scope s = scope; s != null; s = s.parent) {
      Node node = null;
      if (qualifier != null) {
        TableRef r = s.byName.get(qualifier);
        if (r != null) {
          node = node(r, column);
        }
      } else if (!s.byName.isEmpty()) {
        node = resolveIn(s, column);
      }
      if (node != null) {
        for (Scope inner = scope; inner != s; inner = inner.parent) {
          inner.correlated = true;
        }
        return node;
      }
    }
    return null;
  }

  /** The node of {@code col} in the one candidate of {@code scope} that has it; {@code null} if none or several. */
  Node uniqueColumn(List<TableRef> candidates, Scope scope, String col) {
    Node found = null;
    for (TableRef r : candidates) {
      if (r.scope == scope && hasColumn(r, col)) {
        if (found != null) {
          return null;
        }
        found = node(r, col);
      }
    }
    return found;
  }

  /** Connects the columns of derived tables and CTEs to their insides, now that every reference is counted. */
  void connectProxies() {
    for (Proxy p : proxies) {
      Flow flow = p.outputs().flow(p.column());
      if (flow == Flow.OPEN) {
        graph.link(p.outer(), p.inner());
      } else if (flow == Flow.INWARD) {
        graph.flow(p.outer(), p.inner());
      }
    }
  }
}
