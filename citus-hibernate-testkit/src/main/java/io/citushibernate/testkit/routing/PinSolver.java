package io.citushibernate.testkit.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which distributed tables of a {@link Walk} are pinned to one tenant: carries every
 * restriction's value along the equality graph to each node it reaches, then reads the values that
 * reach each distributed table's distribution column.
 */
final class PinSolver {
  /**
   * What the solver decided.
   *
   * @param pinnedTo each distributed table pinned to one value: that value, or {@code null} when
   *     it is known only when the statement runs
   * @param problems why the other distributed tables are not pinned to one value
   */
  record Pinning(Map<TableRef, String> pinnedTo, List<String> problems) {
  }

  private PinSolver() {
  }

  static Pinning solve(Walk walk) {
    Map<Node, Set<Value>> values = propagate(walk.graph());
    List<String> problems = new ArrayList<>();
    Set<TableRef> explained = new HashSet<>(walk.explained());
    for (Walk.DistributionUpdate u : walk.distributionUpdates()) {
      if (!valuesOf(u.target(), values).equals(Set.of(Value.known(u.value())))) {
        explained.add(u.target());
        problems.add("UPDATE sets the distribution column " + u.target().distributionColumn + " of "
            + u.target().table + " to " + u.value() + ", not to the value it is pinned to; Citus does not move rows "
            + "between shards");
      }
    }
    Map<TableRef, String> pinnedTo = new LinkedHashMap<>();
    for (TableRef ref : walk.refs()) {
      if (!ref.distributed() || explained.contains(ref)) {
        continue;
      }
      String column = ref.qualifier() + "." + ref.distributionColumn;
      Set<Value> v = valuesOf(ref, values);
      List<String> several = v.stream().filter(Value::isSeveral).map(Value::text).toList();
      Set<String> known = new TreeSet<>();
      v.stream().filter(Value::isKnown).forEach(value -> known.add(value.text()));
      if (!several.isEmpty()) {
        problems.add("distributed table " + ref.display + " spans several shards: " + column + " "
            + String.join("; ", several));
      } else if (known.size() > 1) {
        problems.add("distributed table " + ref.display + " is pinned to several values " + known + " of " + column);
      } else if (v.isEmpty()) {
        problems.add("distributed table " + ref.display + " is not pinned to one tenant: no equality of "
            + column + " with a constant or parameter, nor a join on it to a pinned table");
      } else if (known.size() == 1) {
        pinnedTo.put(ref, known.iterator().next());
      } else {
        pinnedTo.put(ref, null);
      }
    }
    return new Pinning(pinnedTo, problems);
  }

  /** The values that reach the distribution column of {@code ref}. */
  private static Set<Value> valuesOf(TableRef ref, Map<Node, Set<Value>> values) {
    Node node = ref.columns.get(ref.distributionColumn);
    return node == null ? Set.of() : values.getOrDefault(node, Set.of());
  }

  /** Every node with the values that reach it from the pinned nodes. */
  private static Map<Node, Set<Value>> propagate(EqualityGraph graph) {
    Map<Node, Set<Value>> values = new LinkedHashMap<>();
    Deque<Node> work = new ArrayDeque<>();
    graph.pins().forEach((node, v) -> {
      values.put(node, new LinkedHashSet<>(v));
      work.add(node);
    });
    while (!work.isEmpty()) {
      Node node = work.poll();
      Set<Value> v = values.get(node);
      for (Node next : graph.next(node)) {
        Set<Value> target = values.computeIfAbsent(next, k -> new LinkedHashSet<>());
        if (target.addAll(v)) {
          work.add(next);
        }
      }
    }
    return values;
  }
}
