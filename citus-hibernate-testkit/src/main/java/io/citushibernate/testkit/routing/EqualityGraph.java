package io.citushibernate.testkit.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The equalities of one statement as PostgreSQL derives them: nodes linked both ways (an equality
 * that holds on both sides), values that flow one way only (into a subquery, or to the nullable side
 * of an outer join, but not back), and the values restrictions pin nodes to.
 */
final class EqualityGraph {
  private final Map<Node, Set<Node>> links = new LinkedHashMap<>();
  private final Map<Node, Set<Node>> flows = new LinkedHashMap<>();
  private final Map<Node, Set<Value>> pins = new LinkedHashMap<>();

  /** {@code a} and {@code b} are equal: a value of either is a value of both. */
  void link(Node a, Node b) {
    links.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
    links.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
  }

  /** The values of {@code from} restrict {@code to}, not the other way round. */
  void flow(Node from, Node to) {
    flows.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
  }

  /** A restriction gives {@code node} the value {@code value}. */
  void pin(Node node, Value value) {
    pins.computeIfAbsent(node, k -> new LinkedHashSet<>()).add(value);
  }

  /** Every pinned node with the values restrictions give it directly. */
  Map<Node, Set<Value>> pins() {
    return pins;
  }

  /** The nodes the values of {@code node} reach in one step. */
  Collection<Node> next(Node node) {
    Set<Node> linked = links.getOrDefault(node, Set.of());
    Set<Node> flowing = flows.getOrDefault(node, Set.of());
    if (flowing.isEmpty()) {
      return linked;
    }
    List<Node> all = new ArrayList<>(linked);
    all.addAll(flowing);
    return all;
  }
}
