package io.citushibernate.testkit;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the routing check knows about tables: distributed tables with their distribution column,
 * reference tables, and local tables. Names are unqualified, in PostgreSQL's catalog case.
 */
final class Catalog {
  static final Catalog EMPTY = new Catalog(Map.of(), Set.of(), Set.of());

  enum Kind { DISTRIBUTED, REFERENCE, LOCAL, UNKNOWN }

  private final Map<String, String> distributed;
  private final Set<String> reference;
  private final Set<String> local;

  Catalog(Map<String, String> distributed, Set<String> reference, Set<String> local) {
    Map<String, String> d = new LinkedHashMap<>();
    distributed.forEach((t, c) -> d.put(normalize(t), normalize(c)));
    Set<String> r = new LinkedHashSet<>();
    reference.forEach(t -> r.add(normalize(t)));
    Set<String> l = new LinkedHashSet<>();
    local.forEach(t -> {
      String n = normalize(t);
      if (!d.containsKey(n) && !r.contains(n)) {
        l.add(n);
      }
    });
    this.distributed = Map.copyOf(d);
    this.reference = Set.copyOf(r);
    this.local = Set.copyOf(l);
  }

  Kind kindOf(String table) {
    String n = normalize(table);
    if (distributed.containsKey(n)) {
      return Kind.DISTRIBUTED;
    }
    if (reference.contains(n)) {
      return Kind.REFERENCE;
    }
    return local.contains(n) ? Kind.LOCAL : Kind.UNKNOWN;
  }

  /** The distribution column of {@code table}, {@code null} when it is not distributed. */
  String distributionColumn(String table) {
    return distributed.get(normalize(table));
  }

  Map<String, String> distributed() {
    return distributed;
  }

  Set<String> reference() {
    return reference;
  }

  Set<String> local() {
    return local;
  }

  /** PostgreSQL's catalog form of an identifier: quotes removed, unquoted names folded to lower case. */
  static String normalize(String identifier) {
    if (identifier == null) {
      return null;
    }
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "distributed " + distributed + ", reference " + reference + ", local " + local;
  }
}
