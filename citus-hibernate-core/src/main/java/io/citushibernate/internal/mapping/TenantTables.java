package io.citushibernate.internal.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tenant tables of a persistence unit, looked up the way PostgreSQL resolves names. */
public final class TenantTables {
  private final Map<String, List<TenantTable>> byName = new HashMap<>();

  public TenantTables(Collection<TenantTable> tables) {
    for (TenantTable t : tables) {
      byName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
    }
  }

  /** Whether the unit has no tenant table at all. */
  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /** Table names, normalized. */
  public Set<String> names() {
    return byName.keySet();
  }

  /**
   * The tenant table a reference names, or {@code null}. When either side leaves the schema
   * open the name alone decides: scoping a table too many is safe, one too few is not.
   */
  public TenantTable find(String schema, String name) {
    List<TenantTable> candidates = byName.get(TenantTable.normalize(name));
    if (candidates == null) {
      return null;
    }
    String s = TenantTable.normalize(schema);
    for (TenantTable t : candidates) {
      if (s == null || t.schema() == null || s.equals(t.schema())) {
        return t;
      }
    }
    return null;
  }
}
