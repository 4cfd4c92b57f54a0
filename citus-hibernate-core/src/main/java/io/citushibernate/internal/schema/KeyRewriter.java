package io.citushibernate.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PrimaryKey;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * Rewrites the keys of the boot model the way the Citus migration guide does by hand: the tenant
 * column joins every primary key, unique constraint and unique index of a tenant table, and every
 * foreign key between tenant tables becomes {@code (tenant, fk) -> (tenant, id)}.
 *
 * <p>Only the constraint objects change; the mapped values (what Hibernate reads and writes) stay
 * as they are, so the runtime model is unaffected. The tenant column Hibernate does not map in
 * join and collection tables is filled by the statement rewriter, which adds it to every INSERT.
 */
final class KeyRewriter {
  private KeyRewriter() {
  }

  static void rewrite(Layout layout) {
    // Decide on foreign keys before primary keys change: whether a key already joins on the
    // tenant column must be judged on the key it was mapped to.
    List<ForeignKey> toWiden = new ArrayList<>();
    for (Map.Entry<Table, Column> e : layout.tenantColumns.entrySet()) {
      for (ForeignKey fk : Layout.foreignKeys(e.getKey())) {
        Column targetTenant = layout.tenantColumns.get(fk.getReferencedTable());
        if (targetTenant != null && fk.isCreationEnabled() && !Layout.contains(referenced(fk), targetTenant)) {
          toWiden.add(fk);
        }
      }
    }
    for (Map.Entry<Table, Column> e : layout.tenantColumns.entrySet()) {
      Table table = e.getKey();
      Column tenant = e.getValue();
      if (layout.addedColumns.contains(table)) {
        table.addColumn(tenant);
      }
      tenant.setNullable(false);
      primaryKey(table, tenant);
      uniqueKeys(table, tenant);
    }
    for (ForeignKey fk : toWiden) {
      Column sourceTenant = layout.tenantColumns.get(fk.getTable());
      Column targetTenant = layout.tenantColumns.get(fk.getReferencedTable());
      if (!fk.isReferenceToPrimaryKey()) {
        fk.getReferencedColumns().add(0, targetTenant);
      }
      fk.getColumns().add(0, sourceTenant);
    }
  }

  private static List<Column> referenced(ForeignKey fk) {
    if (!fk.isReferenceToPrimaryKey()) {
      return fk.getReferencedColumns();
    }
    PrimaryKey pk = fk.getReferencedTable().getPrimaryKey();
    return pk == null ? List.of() : pk.getColumns();
  }

  private static void primaryKey(Table table, Column tenant) {
    PrimaryKey pk = table.getPrimaryKey();
    if (pk == null || Layout.contains(pk.getColumns(), tenant)) {
      return;
    }
    pk.getColumns().add(0, tenant);
    UniqueKey ordering = pk.getOrderingUniqueKey();
    if (ordering != null && !Layout.contains(ordering.getColumns(), tenant)) {
      ordering.getColumns().add(0, tenant);
    }
    // Pin the order: Hibernate's column ordering strategy would otherwise sort key columns by
    // size when it orders a new schema, putting a bigint id before a uuid tenant column.
    pk.reorderColumns(new ArrayList<>(pk.getColumns()));
  }

  private static void uniqueKeys(Table table, Column tenant) {
    for (UniqueKey uk : table.getUniqueKeys().values()) {
      if (!Layout.contains(uk.getColumns(), tenant)) {
        uk.getColumns().add(0, tenant);
      }
    }
    // @Column(unique = true) is exported inline; Citus needs the tenant column in it, so it
    // becomes a two-column unique constraint under the same name.
    for (Column column : new ArrayList<>(table.getColumns())) {
      if (column.isUnique() && !Layout.same(column, tenant)) {
        String name = column.getUniqueKeyName() != null ? column.getUniqueKeyName()
            : Layout.nameOf(table) + "_" + Layout.catalogName(column) + "_key";
        column.setUnique(false);
        UniqueKey uk = table.getOrCreateUniqueKey(name);
        uk.addColumn(tenant);
        uk.addColumn(column);
      }
    }
    // Hibernate only appends to an index, so a unique index gets the tenant column last; it
    // still serves lookups by its original columns.
    for (Index index : table.getIndexes().values()) {
      if (index.isUnique() && !containsSelectable(index.getSelectables(), tenant)) {
        index.addColumn(tenant);
      }
    }
  }

  private static boolean containsSelectable(List<Selectable> selectables, Column tenant) {
    for (Selectable s : selectables) {
      if (s instanceof Column c && Layout.same(c, tenant)) {
        return true;
      }
    }
    return false;
  }
}
