package io.citushibernate.testkit.routing;

/**
 * A place in the {@link EqualityGraph} that holds values: a column of a table reference, or a value
 * a query level makes itself (a constant in its select list, an output column of a set operation).
 * Nodes are compared by identity; a {@link TableRef} keeps one node per column.
 */
final class Node {
  private final TableRef ref;
  private final String label;

  private Node(TableRef ref, String label) {
    this.ref = ref;
    this.label = label;
  }

  /** The node of {@code column} of {@code ref}; only {@link TableRef#columns} holds them. */
  static Node column(TableRef ref, String column) {
    return new Node(ref, column);
  }

  /** A value a query level makes, described by {@code label}. */
  static Node made(String label) {
    return new Node(null, label);
  }

  /** The table reference whose column this is; {@code null} for a value a query level makes. */
  TableRef ref() {
    return ref;
  }

  @Override
  public String toString() {
    return ref == null ? label : ref.display + "." + label;
  }
}
