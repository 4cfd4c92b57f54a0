package io.citushibernate.internal.schema;

import io.citushibernate.internal.config.SettingValues;
import io.citushibernate.annotation.DistributedTable;
import io.citushibernate.CitusMappingException;
import io.citushibernate.internal.mapping.TenantModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;
import org.hibernate.service.ServiceRegistry;

/**
 * Makes the schema Hibernate exports Citus-ready. Called by the integrator once the tenant model
 * is known and before Hibernate's schema management runs.
 *
 * <p>It registers the rewrite of the boot model's keys (see {@link KeyRewriter}; it runs when an
 * export starts, see {@link CompositeKeys}), which also adds the tenant column to join,
 * collection and joined-subclass tables of tenant entities, and registers the Citus calls
 * ({@code create_reference_table}, {@code create_distributed_table}) as one auxiliary database
 * object, exported after the tables; dropping the tables needs no Citus call.
 */
public final class CitusSchema {
  private CitusSchema() {
  }

  /**
   * Adjusts {@code metadata}'s tables and registers the Citus statements for export.
   *
   * @throws CitusMappingException when {@link DistributedTable} settings contradict each other or
   *     a foreign key crosses colocation groups
   */
  public static void apply(Metadata metadata, TenantModel model, Map<String, Object> properties) {
    apply(metadata, model, properties, Distribution.Target.DETECT);
  }

  /** As {@link #apply(Metadata, TenantModel, Map)}, for a DDL script: every Citus call is written, none is run. */
  public static void applyForScript(Metadata metadata, TenantModel model, Map<String, Object> properties) {
    apply(metadata, model, properties, Distribution.Target.SCRIPT);
  }

  private static void apply(Metadata metadata, TenantModel model, Map<String, Object> properties,
      Distribution.Target target) {
    MetadataImplementor implementor = (MetadataImplementor) metadata;
    for (AuxiliaryDatabaseObject existing : implementor.getDatabase().getAuxiliaryDatabaseObjects()) {
      if (existing instanceof Distribution) {
        return; // this boot model was already adjusted (one Metadata, several factories)
      }
    }
    boolean fail = SettingValues.failWhenCitusMissing(properties);
    Layout layout = Layout.of(metadata, model);
    List<Distribution.Step> steps = plan(layout);
    // The keys are rewritten when an export starts (see CompositeKeys), after Hibernate has built
    // its runtime model from the keys as mapped.
    implementor.getDatabase().addAuxiliaryDatabaseObject(new CompositeKeys(layout));
    ServiceRegistry registry = implementor.getMetadataBuildingOptions().getServiceRegistry();
    Distribution distribution = new Distribution(steps, metadata, target, fail, registry);
    implementor.getDatabase().addAuxiliaryDatabaseObject(new EarlyDistribution(distribution));
    implementor.getDatabase().addAuxiliaryDatabaseObject(distribution);
  }

  /**
   * Reference tables first, then tenant tables, each referenced table before the tables that
   * reference it (Citus distributes a table only once the tables it references are distributed).
   * Every tenant table is colocated with the first table of its colocation group.
   */
  static List<Distribution.Step> plan(Layout layout) {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> shardCounts = new LinkedHashMap<>();
    Map<String, String> shardCountSource = new LinkedHashMap<>();
    for (Table table : layout.tenantColumns.keySet()) {
      Class<?> owner = layout.owners.get(table);
      DistributedTable d = owner == null ? null : owner.getAnnotation(DistributedTable.class);
      if (d == null || d.shardCount() == 0) {
        continue;
      }
      String group = groupOf(layout, table);
      if (d.shardCount() < 0) {
        problems.add(owner.getName() + ": @DistributedTable(shardCount = " + d.shardCount() + ") is negative. "
            + "Fix: use a positive shard count, or 0 for Citus' citus.shard_count.");
        continue;
      }
      Integer before = shardCounts.putIfAbsent(group, d.shardCount());
      shardCountSource.putIfAbsent(group, owner.getName());
      if (before != null && before != d.shardCount()) {
        problems.add(owner.getName() + ": @DistributedTable(shardCount = " + d.shardCount() + ") differs from "
            + shardCountSource.get(group) + " (" + before + ") in colocation group '" + group + "'; colocated "
            + "tables share their shards. Fix: set one shard count for the group.");
      }
    }
    for (Table table : layout.tenantColumns.keySet()) {
      for (ForeignKey fk : Layout.foreignKeys(table)) {
        Table target = fk.getReferencedTable();
        if (fk.isCreationEnabled() && layout.isTenant(target)
            && !groupOf(layout, table).equals(groupOf(layout, target))) {
          problems.add(ownerName(layout, table) + ": the foreign key from " + Layout.nameOf(table) + " to "
              + Layout.nameOf(target) + " crosses colocation groups ('" + groupOf(layout, table) + "', '"
              + groupOf(layout, target) + "'); Citus only allows keys between colocated tables. Fix: put "
              + ownerName(layout, table) + " and " + ownerName(layout, target)
              + " in the same @DistributedTable(colocationGroup).");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CitusMappingException(problems);
    }

    List<Distribution.Step> steps = new ArrayList<>();
    for (Table table : dependencyOrder(byName(layout.referenceTables))) {
      steps.add(new Distribution.Step(table, null, null, null, 0));
    }
    // Tenant entity tables first: they anchor the colocation group the other tables join.
    List<Table> tenantTables = byName(layout.tenantEntityTables);
    for (Table table : byName(layout.tenantColumns.keySet())) {
      if (!tenantTables.contains(table)) {
        tenantTables.add(table);
      }
    }
    tenantTables.retainAll(layout.tenantColumns.keySet());
    Map<String, Table> anchors = new LinkedHashMap<>();
    for (Table table : dependencyOrder(tenantTables)) {
      String group = groupOf(layout, table);
      String column = Layout.catalogName(layout.tenantColumns.get(table));
      Table anchor = anchors.putIfAbsent(group, table);
      if (anchor == null) {
        // The first table of the unit's group joins Citus' default group for its column type;
        // a named group starts a colocation group of its own.
        steps.add(new Distribution.Step(table, column, null, group.isEmpty() ? null : "none",
            shardCounts.getOrDefault(group, 0)));
      } else {
        steps.add(new Distribution.Step(table, column, anchor, null, 0));
      }
    }
    return steps;
  }

  /** Sorted by name, so that the script is the same whatever order Hibernate keeps tables in. */
  private static List<Table> byName(Collection<Table> tables) {
    List<Table> sorted = new ArrayList<>(tables);
    sorted.sort(Comparator.comparing(Layout::nameOf));
    return sorted;
  }

  /** {@code tables} ordered so that every table comes after the tables it references. */
  private static List<Table> dependencyOrder(List<Table> tables) {
    Set<Table> remaining = new LinkedHashSet<>(tables);
    List<Table> ordered = new ArrayList<>();
    while (!remaining.isEmpty()) {
      Table next = null;
      for (Table candidate : remaining) {
        if (referencesNone(candidate, remaining)) {
          next = candidate;
          break;
        }
      }
      if (next == null) {
        // A cycle of foreign keys: Citus accepts it among colocated tables once the first is
        // distributed, so keep the declared order.
        next = remaining.iterator().next();
      }
      remaining.remove(next);
      ordered.add(next);
    }
    return ordered;
  }

  private static boolean referencesNone(Table table, Set<Table> remaining) {
    for (ForeignKey fk : Layout.foreignKeys(table)) {
      Table target = fk.getReferencedTable();
      if (target != table && fk.isCreationEnabled() && remaining.contains(target)) {
        return false;
      }
    }
    return true;
  }

  private static String groupOf(Layout layout, Table table) {
    Class<?> owner = layout.owners.get(table);
    DistributedTable d = owner == null ? null : owner.getAnnotation(DistributedTable.class);
    return d == null ? "" : d.colocationGroup().trim();
  }

  private static String ownerName(Layout layout, Table table) {
    Class<?> owner = layout.owners.get(table);
    return owner == null ? Layout.nameOf(table) : owner.getName();
  }

}
