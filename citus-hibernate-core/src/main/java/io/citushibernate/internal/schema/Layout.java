package io.citushibernate.internal.schema;

import io.citushibernate.internal.mapping.TenantAttribute;
import io.citushibernate.internal.mapping.TenantModel;
import io.citushibernate.internal.mapping.TenantTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;

/**
 * The boot-model tables of a persistence unit sorted by what Citus makes of them: tenant tables
 * with their tenant column, reference tables, and (implicitly) local tables. Tables are compared
 * by identity, the way Hibernate's boot model links them.
 */
final class Layout {
  /** The tenant column of each tenant table; absent from the table itself when it must be added. */
  final Map<Table, Column> tenantColumns = new LinkedHashMap<>();
  /** Tenant tables whose tenant column the export adds (join, collection and joined-subclass tables). */
  final Set<Table> addedColumns = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  final Set<Table> referenceTables = new LinkedHashSet<>();
  /** Tables of the tenant entity itself ({@code companies}): the natural anchor of colocation. */
  final Set<Table> tenantEntityTables = new LinkedHashSet<>();
  /** The entity class whose annotations decide how a table is distributed. */
  final Map<Table, Class<?>> owners = new IdentityHashMap<>();

  private Layout() {
  }

  static Layout of(Metadata metadata, TenantModel model) {
    Layout layout = new Layout();
    Map<Table, Column> sources = sourceColumns(metadata, model, layout);
    for (Table table : metadata.collectTableMappings()) {
      if (!table.isPhysicalTable()) {
        continue;
      }
      TenantTable tenant = model.tables().find(schemaOf(table), nameOf(table));
      if (tenant != null) {
        Column column = columnNamed(table, TenantTable.normalize(tenant.column()));
        if (column == null) {
          Column source = sources.get(table);
          if (source == null) {
            continue; // nothing to copy the type from: leave the table as Hibernate maps it
          }
          column = source.clone();
          column.setNullable(false);
          column.setUnique(false);
          column.setUniqueKeyName(null);
          layout.addedColumns.add(table);
        }
        layout.tenantColumns.put(table, column);
      } else if (model.referenceTables().contains(nameOf(table))) {
        layout.referenceTables.add(table);
      }
    }
    return layout;
  }

  boolean isTenant(Table table) {
    return tenantColumns.containsKey(table);
  }

  /**
   * For every table that belongs to an entity, the entity's tenant column (which a collection or
   * joined-subclass table may lack), and the owning class.
   */
  private static Map<Table, Column> sourceColumns(Metadata metadata, TenantModel model, Layout layout) {
    Map<Table, Column> sources = new IdentityHashMap<>();
    for (PersistentClass pc : metadata.getEntityBindings()) {
      layout.owners.putIfAbsent(pc.getTable(), pc.getMappedClass());
      for (Join join : pc.getJoins()) {
        layout.owners.putIfAbsent(join.getTable(), pc.getMappedClass());
      }
      Column column = tenantColumnOf(pc, model);
      if (column == null) {
        continue;
      }
      if (model.attributeOf(pc.getEntityName()).kind() == TenantAttribute.Kind.ID) {
        layout.tenantEntityTables.add(pc.getTable());
      }
      sources.putIfAbsent(pc.getTable(), column);
      for (Join join : pc.getJoins()) {
        sources.putIfAbsent(join.getTable(), column);
      }
    }
    for (Collection collection : metadata.getCollectionBindings()) {
      Table table = collection.getCollectionTable();
      PersistentClass owner = collection.getOwner();
      if (collection.isOneToMany() || table == null || owner == null) {
        continue;
      }
      layout.owners.putIfAbsent(table, owner.getMappedClass());
      Column column = tenantColumnOf(owner, model);
      if (column != null) {
        sources.putIfAbsent(table, column);
      }
    }
    return sources;
  }

  /** The column holding an entity's tenant, {@code null} when it has none. */
  private static Column tenantColumnOf(PersistentClass pc, TenantModel model) {
    TenantAttribute attribute = model.attributeOf(pc.getEntityName());
    if (attribute == null) {
      return null;
    }
    List<Selectable> selectables = new ArrayList<>();
    if (attribute.kind() == TenantAttribute.Kind.ID) {
      selectables.addAll(pc.getIdentifier().getSelectables());
    } else if (attribute.kind() == TenantAttribute.Kind.ID_PART && pc.getIdentifier() instanceof Component id) {
      selectables.addAll(id.getProperty(attribute.attribute()).getValue().getSelectables());
    } else {
      for (Property p : pc.getPropertyClosure()) {
        if (p.getName().equals(attribute.attribute())) {
          selectables.addAll(p.getValue().getSelectables());
        }
      }
    }
    return selectables.size() == 1 && selectables.get(0) instanceof Column c ? c : null;
  }

  /**
   * The foreign keys of a table. Hibernate 7 deprecates {@code getForeignKeys()} for
   * {@code getForeignKeyCollection()}, which Hibernate 6.6 lacks; both lines are supported.
   */
  @SuppressWarnings("removal")
  static java.util.Collection<ForeignKey> foreignKeys(Table table) {
    return table.getForeignKeys().values();
  }

  static Column columnNamed(Table table, String catalogName) {
    for (Column c : table.getColumns()) {
      if (catalogName(c).equals(catalogName)) {
        return c;
      }
    }
    return null;
  }

  static boolean same(Column a, Column b) {
    return catalogName(a).equals(catalogName(b));
  }

  static boolean contains(List<Column> columns, Column column) {
    for (Column c : columns) {
      if (same(c, column)) {
        return true;
      }
    }
    return false;
  }

  /** The name as PostgreSQL's catalog holds it: unquoted names fold to lower case. */
  static String catalogName(Column column) {
    return column.isQuoted() ? column.getName() : column.getName().toLowerCase(Locale.ROOT);
  }

  static String nameOf(Table table) {
    return table.isQuoted() ? table.getName() : table.getName().toLowerCase(Locale.ROOT);
  }

  private static String schemaOf(Table table) {
    return table.getSchema() == null ? null : TenantTable.normalize(table.getSchema());
  }
}
