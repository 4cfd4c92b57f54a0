package io.citushibernate.testkit.routing;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the routing check knows about tables: distributed tables with their distribution column,
 * reference tables, and local tables. Names are unqualified, in PostgreSQL's catalog case.
 */
public final class Catalog {
  /** No tables known: no statement touches a distributed table. */
  public static final Catalog EMPTY = new Catalog(Map.of(), Set.of(), Set.of());

  /** What a table is to Citus. */
  enum Kind { DISTRIBUTED, REFERENCE, LOCAL, UNKNOWN }

  private final Map<String, String> distributed;
  private final Set<String> reference;
  private final Set<String> local;

  /**
   * The tables of a schema; a table named in {@code local} and in one of the others is not local.
   *
   * @param distributed each distributed table and its distribution column
   * @param reference the reference tables
   * @param local the other tables the application maps
   */
  public Catalog(Map<String, String> distributed, Set<String> reference, Set<String> local) {
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
  public String distributionColumn(String table) {
    return distributed.get(normalize(table));
  }

  /** Each distributed table and its distribution column. */
  public Map<String, String> distributed() {
    return distributed;
  }

  /** The reference tables. */
  public Set<String> reference() {
    return reference;
  }

  /** The tables of both catalogs, as of two mappings on one schema. */
  public Catalog and(Catalog other) {
    Map<String, String> d = new LinkedHashMap<>(distributed);
    d.putAll(other.distributed);
    Set<String> r = new LinkedHashSet<>(reference);
    r.addAll(other.reference);
    Set<String> l = new LinkedHashSet<>(local);
    l.addAll(other.local);
    return new Catalog(d, r, l);
  }

  /** PostgreSQL's catalog form of an identifier: quotes removed, unquoted names folded to lower case. */
  public static String normalize(String identifier) {
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
