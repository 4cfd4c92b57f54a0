package io.citushibernate.internal.mapping;

import io.citushibernate.CitusMappingException;
import io.citushibernate.CitusSettings;
import io.citushibernate.annotation.ReferenceTable;
import io.citushibernate.annotation.TenantKey;
import io.citushibernate.annotation.TenantOwned;
import io.citushibernate.tenant.TenantType;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.TenantId;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.ToOne;

/**
 * What the entity mappings of one persistence unit say about tenancy: which entities and tables
 * carry a tenant, in which attribute and column, and of which Java type; which tables are
 * reference tables. Built once at boot from Hibernate's mapping model.
 */
public final class TenantModel {
  private final Map<String, TenantAttribute> attributes;
  private final List<TenantTable> tenantTables;
  private final Set<String> referenceTables;
  private final TenantType tenantType;
  /** Tenant entities whose ids may repeat across tenants; see {@link IdUniqueness}. */
  private final Set<String> repeatingIds;
  /** {@code @TenantOwned} entities without a tenant attribute: schema mode, the tenant is the schema. */
  private final Set<String> schemaScopedEntities;

  private TenantModel(Map<String, TenantAttribute> attributes, List<TenantTable> tenantTables,
      Set<String> referenceTables, TenantType tenantType, Set<String> repeatingIds, Set<String> schemaScopedEntities) {
    this.attributes = attributes;
    this.schemaScopedEntities = schemaScopedEntities;
    this.repeatingIds = repeatingIds;
    this.tenantTables = tenantTables;
    this.referenceTables = referenceTables;
    this.tenantType = tenantType;
  }

  /**
   * Reads the tenancy of every entity in {@code metadata} for the row model.
   *
   * @throws CitusMappingException listing every mapping that cannot carry a tenant
   */
  public static TenantModel of(Metadata metadata) {
    return of(metadata, false, null);
  }

  /**
   * Reads the tenancy of every entity in {@code metadata}. With {@code schemaTenancy} the tenant
   * may be the schema alone: {@code @TenantOwned} entities without a tenant key are tenant
   * entities whose tables have no tenant column, and tenant values are of {@code declaredType}
   * (the setting, {@code null} when not set) unless a tenant key declares their type.
   *
   * @throws CitusMappingException listing every mapping that cannot carry a tenant
   */
  public static TenantModel of(Metadata metadata, boolean schemaTenancy, TenantType declaredType) {
    List<String> problems = new ArrayList<>();
    Map<String, TenantAttribute> attributes = new LinkedHashMap<>();
    Map<String, TenantTable> tables = new LinkedHashMap<>();
    Set<String> referenceTables = new LinkedHashSet<>();
    Set<String> tenantEntities = new LinkedHashSet<>();
    Map<TenantType, String> typesSeen = new LinkedHashMap<>();
    // Boot-model tables by kind, for the checks that look at keys between tables.
    Map<Table, Column> tenantColumns = new IdentityHashMap<>();
    Map<Table, String> referenceTableOwners = new IdentityHashMap<>();
    Map<String, Property> tenantProperties = new LinkedHashMap<>();
    Map<String, Column> entityTenantColumns = new LinkedHashMap<>();
    Set<String> repeatingIds = new LinkedHashSet<>();
    Set<String> schemaScopedEntities = new LinkedHashSet<>();
    Set<Table> schemaScopedTables = Collections.newSetFromMap(new IdentityHashMap<>());

    for (PersistentClass pc : metadata.getEntityBindings()) {
      Class<?> type = pc.getMappedClass();
      if (type == null) {
        continue;
      }
      List<String> marked = markedAttributes(type);
      Component embeddedId = embeddedId(pc);
      if (marked.isEmpty() && embeddedId != null) {
        marked = markedAttributes(embeddedId.getComponentClass());
      }
      boolean owned = type.isAnnotationPresent(TenantOwned.class);
      if (type.isAnnotationPresent(ReferenceTable.class)) {
        if (!marked.isEmpty()) {
          problems.add(pc.getEntityName() + ": @ReferenceTable entity has a tenant key (" + marked
              + "); a reference table is shared by all tenants. Remove one of the two.");
        }
        if (owned) {
          problems.add(pc.getEntityName() + ": @ReferenceTable entity is also @TenantOwned; a reference table is "
              + "shared by all tenants, a tenant-owned one holds one tenant's rows. Remove one of the two.");
        }
        referenceTables.add(nameOf(pc.getTable()));
        referenceTableOwners.put(pc.getTable(), pc.getEntityName());
        continue;
      }
      if (marked.isEmpty()) {
        // A subclass inherits the tenant attribute of its root: use the root's.
        PersistentClass root = pc.getRootClass();
        if (root != pc && attributes.containsKey(root.getEntityName())) {
          TenantAttribute inherited = attributes.get(root.getEntityName());
          attributes.put(pc.getEntityName(), new TenantAttribute(pc.getEntityName(), inherited.attribute(),
              inherited.kind(), inherited.targetEntityName(), inherited.idPart()));
          if (repeatingIds.contains(root.getEntityName())) {
            repeatingIds.add(pc.getEntityName());
          }
        } else if (owned && !schemaTenancy) {
          problems.add(pc.getEntityName() + ": @TenantOwned entity without a @TenantKey attribute; the row model ("
              + CitusSettings.TENANCY + "=row) finds a tenant's rows by their tenant column. Fix: add a @TenantKey "
              + "attribute to " + pc.getEntityName() + ", or use " + CitusSettings.TENANCY + "=schema, where the "
              + "tenant is the schema.");
        } else if (owned) {
          schemaScopedEntities.add(pc.getEntityName());
          addSchemaScoped(pc.getTable(), tables, schemaScopedTables);
          for (org.hibernate.mapping.Join join : pc.getJoins()) {
            addSchemaScoped(join.getTable(), tables, schemaScopedTables);
          }
        }
        continue;
      }
      if (marked.size() > 1) {
        problems.add(pc.getEntityName() + ": more than one tenant key " + marked
            + "; an entity has exactly one. Keep @TenantKey on one attribute.");
        continue;
      }
      String name = marked.get(0);
      TenantAttribute attribute;
      Selectable column;
      Class<?> javaType;
      Property id = pc.getIdentifierProperty();
      if (id != null && id.getName().equals(name)) {
        attribute = new TenantAttribute(pc.getEntityName(), name, TenantAttribute.Kind.ID, null);
        column = single(id.getValue().getSelectables());
        javaType = id.getType().getReturnedClass();
        tenantEntities.add(pc.getEntityName());
      } else if (idComponent(pc) != null && idComponent(pc).hasProperty(name)) {
        // the tenant is one attribute of a composite id: (tenant, ...) is already the key Citus needs
        Property part = idComponent(pc).getProperty(name);
        IdPart where = embeddedId != null
            ? IdPart.embeddedId(type, id.getName(), embeddedId.getComponentClass(), name)
            : IdPart.idClass(type, ((Component) pc.getIdentifier()).getComponentClass(), name);
        attribute = new TenantAttribute(pc.getEntityName(), name, TenantAttribute.Kind.ID_PART, null, where);
        column = single(part.getValue().getSelectables());
        javaType = part.getType().getReturnedClass();
      } else {
        Property property = findProperty(pc, name);
        if (property == null) {
          problems.add(pc.getEntityName() + "." + name + ": @TenantKey on an attribute Hibernate does "
              + "not map (transient or embedded); put it on a mapped basic or @ManyToOne attribute.");
          continue;
        }
        if (property.getValue() instanceof ToOne toOne) {
          attribute = new TenantAttribute(pc.getEntityName(), name, TenantAttribute.Kind.ASSOCIATION,
              toOne.getReferencedEntityName());
          PersistentClass target = metadata.getEntityBinding(toOne.getReferencedEntityName());
          javaType = target == null || target.getIdentifierProperty() == null
              ? null : target.getIdentifierProperty().getType().getReturnedClass();
        } else {
          attribute = new TenantAttribute(pc.getEntityName(), name, TenantAttribute.Kind.BASIC, null);
          javaType = property.getType().getReturnedClass();
        }
        column = single(property.getValue().getSelectables());
        tenantProperties.put(pc.getEntityName(), property);
      }
      if (!(column instanceof Column c)) {
        problems.add(pc.getEntityName() + "." + name + ": the tenant key must map to exactly one column; "
            + "Citus distributes a table by one column.");
        continue;
      }
      TenantType tenantType = TenantType.of(javaType);
      if (tenantType == null) {
        problems.add(pc.getEntityName() + "." + name + ": tenant key of type "
            + (javaType == null ? "?" : javaType.getName()) + " is not supported; use long, int, UUID or String.");
        continue;
      }
      typesSeen.putIfAbsent(tenantType, pc.getEntityName() + "." + name);
      attributes.put(pc.getEntityName(), attribute);
      if (attribute.kind() != TenantAttribute.Kind.ID && IdUniqueness.mayRepeatAcrossTenants(pc, c)) {
        repeatingIds.add(pc.getEntityName());
      }
      Table table = pc.getTable();
      tables.put(table.getName(), new TenantTable(schemaOf(table), nameOf(table), c.getQuotedName()));
      tenantColumns.putIfAbsent(table, c);
      entityTenantColumns.put(pc.getEntityName(), c);
      // A secondary table holds the entity's rows too: it is a tenant table, and the schema export
      // adds the tenant column where the mapping does not repeat it (the rewriter fills it on insert).
      for (org.hibernate.mapping.Join join : pc.getJoins()) {
        Column joinColumn = join.getTable().getColumn(c);
        tables.put(join.getTable().getName(),
            new TenantTable(schemaOf(join.getTable()), nameOf(join.getTable()), c.getQuotedName()));
        tenantColumns.putIfAbsent(join.getTable(), joinColumn != null ? joinColumn : c);
      }
    }
    checkTenantKeys(attributes, tenantProperties, tenantEntities, problems);
    collectionTables(metadata, attributes, entityTenantColumns, tenantColumns, referenceTableOwners, tables,
        referenceTables, schemaScopedEntities, schemaScopedTables);
    checkForeignKeys(metadata, tenantColumns, schemaScopedTables, referenceTableOwners, problems);
    if (typesSeen.size() > 1) {
      problems.add("Tenant keys of different Java types in one persistence unit: " + typesSeen
          + ". Citus colocates tenants by one distribution column type; use one type everywhere.");
    }
    TenantType type = typesSeen.isEmpty() ? null : typesSeen.keySet().iterator().next();
    if (schemaTenancy && declaredType != null && type != null && declaredType != type) {
      problems.add(CitusSettings.SCHEMA_TENANT_TYPE + " names " + declaredType.javaType().getSimpleName()
          + " tenants, but the tenant key " + typesSeen.get(type) + " is a " + type.javaType().getSimpleName()
          + ". Fix: remove the setting (the tenant key decides) or make the two agree.");
    }
    if (!problems.isEmpty()) {
      throw new CitusMappingException(problems);
    }
    if (type == null && !schemaScopedEntities.isEmpty()) {
      type = declaredType != null ? declaredType : TenantType.LONG;
    }
    return new TenantModel(Collections.unmodifiableMap(attributes), List.copyOf(tables.values()),
        Collections.unmodifiableSet(referenceTables), type, Collections.unmodifiableSet(repeatingIds),
        Collections.unmodifiableSet(schemaScopedEntities));
  }

  /** The tenant attribute of an entity, or {@code null} when the entity has no tenant. */
  public TenantAttribute attributeOf(String entityName) {
    return attributes.get(entityName);
  }

  /**
   * Whether ids of the tenant entity {@code entityName} may repeat across tenants (assigned ids),
   * so that one session cannot hold its rows of several tenants apart; {@code false} for
   * generated ids, ids that include the tenant, the tenant entity and entities without a tenant.
   */
  public boolean idsMayRepeatAcrossTenants(String entityName) {
    return repeatingIds.contains(entityName);
  }

  /**
   * Whether rows of {@code entityName} belong to a tenant: it has a tenant attribute, or (schema
   * mode) it is {@code @TenantOwned} and its tenant is the schema.
   */
  public boolean isTenantEntity(String entityName) {
    return attributes.containsKey(entityName) || schemaScopedEntities.contains(entityName);
  }

  /** Whether no entity carries a tenant. */
  public boolean isEmpty() {
    return attributes.isEmpty() && schemaScopedEntities.isEmpty();
  }

  /** The type of every tenant key in the unit, {@code null} when there is none. */
  public TenantType tenantType() {
    return tenantType;
  }

  /** The tables of tenant rows: distributed by a tenant column, or (schema mode) in each tenant's schema. */
  public List<TenantTable> tenantTables() {
    return tenantTables;
  }

  /** The tables lookup used to scope statements. */
  public TenantTables tables() {
    return new TenantTables(tenantTables);
  }

  /** Tables shared by all tenants. */
  public Set<String> referenceTables() {
    return referenceTables;
  }

  /**
   * A tenant key Citus can distribute by is set once and never empty: a null distribution column
   * has no shard, and changing it would move the row to another shard under its composite keys.
   * An entity referenced as the tenant must itself be distributed by its id.
   */
  private static void checkTenantKeys(Map<String, TenantAttribute> attributes, Map<String, Property> properties,
      Set<String> tenantEntities, List<String> problems) {
    for (Map.Entry<String, Property> e : properties.entrySet()) {
      Property property = e.getValue();
      String where = e.getKey() + "." + property.getName();
      String annotation = attributes.get(e.getKey()).kind() == TenantAttribute.Kind.ASSOCIATION
          ? "@JoinColumn" : "@Column";
      for (Selectable s : property.getValue().getSelectables()) {
        if (s instanceof Column c && c.isNullable()) {
          problems.add(where + ": the tenant key is nullable; Citus needs a distribution column value in "
              + "every row. Fix: " + annotation + "(nullable = false) on " + where + ".");
        }
      }
      if (property.getValue().hasAnyUpdatableColumns()) {
        problems.add(where + ": the tenant key is updatable; a new value would move the row to another "
            + "shard and break its composite keys. Fix: " + annotation + "(updatable = false) on " + where + ".");
      }
    }
    for (TenantAttribute a : attributes.values()) {
      if (a.kind() == TenantAttribute.Kind.ASSOCIATION && a.targetEntityName() != null
          && !tenantEntities.contains(a.targetEntityName()) && properties.containsKey(a.entityName())) {
        problems.add(a.entityName() + "." + a.attribute() + ": @TenantKey refers to " + a.targetEntityName()
            + ", whose id is not a tenant key; the tenant entity is distributed by its own id. Fix: put "
            + "@TenantKey on the @Id of " + a.targetEntityName() + ".");
      }
    }
  }

  /**
   * Tables of {@code @ManyToMany} and {@code @ElementCollection} mappings belong to their owner:
   * the tenant owner's tables are tenant tables (the schema export adds the tenant column where
   * the key does not already carry it; a schema-scoped owner's have no tenant column), a
   * reference entity's are reference tables.
   */
  private static void collectionTables(Metadata metadata, Map<String, TenantAttribute> attributes,
      Map<String, Column> entityTenantColumns, Map<Table, Column> tenantColumns,
      Map<Table, String> referenceTableOwners, Map<String, TenantTable> tables, Set<String> referenceTables,
      Set<String> schemaScopedEntities, Set<Table> schemaScopedTables) {
    for (Collection collection : metadata.getCollectionBindings()) {
      Table table = collection.getCollectionTable();
      PersistentClass owner = collection.getOwner();
      if (collection.isOneToMany() || table == null || owner == null || table == owner.getTable()) {
        continue;
      }
      if (referenceTableOwners.containsKey(owner.getRootClass().getTable())) {
        referenceTables.add(nameOf(table));
        referenceTableOwners.putIfAbsent(table, collection.getRole());
        continue;
      }
      TenantAttribute attribute = attributes.get(owner.getEntityName());
      if (tables.containsKey(table.getName())) {
        continue;
      }
      if (attribute == null) {
        if (schemaScopedEntities.contains(owner.getEntityName())) {
          addSchemaScoped(table, tables, schemaScopedTables);
        }
        continue;
      }
      Column column;
      if (attribute.kind() == TenantAttribute.Kind.ID) {
        // The key column refers to the tenant entity's id: it already is the tenant.
        Selectable key = single(collection.getKey().getSelectables());
        column = key instanceof Column c ? c : null;
      } else {
        column = entityTenantColumns.get(owner.getEntityName());
        if (column == null) {
          column = entityTenantColumns.get(owner.getRootClass().getEntityName());
        }
      }
      if (column != null) {
        tables.put(table.getName(), new TenantTable(schemaOf(table), nameOf(table), column.getQuotedName()));
        tenantColumns.put(table, column);
      }
    }
  }

  /** Records {@code table} as a tenant table without a tenant column (schema mode: its schema is the tenant's). */
  private static void addSchemaScoped(Table table, Map<String, TenantTable> tables, Set<Table> schemaScopedTables) {
    schemaScopedTables.add(table);
    tables.putIfAbsent(table.getName(), TenantTable.schemaScoped(schemaOf(table), nameOf(table)));
  }

  /**
   * Citus accepts a foreign key between distributed tables only when both sides include the
   * distribution column at the same position, and never from a reference table into a tenant
   * table or between tenant and local tables. Keys the schema export can make composite by
   * prepending the tenant column pass; the others are reported with their attribute.
   */
  private static void checkForeignKeys(Metadata metadata, Map<Table, Column> tenantColumns,
      Set<Table> schemaScopedTables, Map<Table, String> referenceTableOwners, List<String> problems) {
    for (Table table : metadata.collectTableMappings()) {
      for (ForeignKey fk : foreignKeys(table)) {
        if (!fk.isCreationEnabled() || fk.getReferencedTable() == null || !fk.isPhysicalConstraint()) {
          continue;
        }
        Table target = fk.getReferencedTable();
        Column sourceTenant = tenantColumns.get(table);
        Column targetTenant = tenantColumns.get(target);
        boolean sourceReference = referenceTableOwners.containsKey(table);
        boolean targetReference = referenceTableOwners.containsKey(target);
        boolean sourceScoped = schemaScopedTables.contains(table);
        boolean targetScoped = schemaScopedTables.contains(target);
        if (targetTenant == null && !targetScoped) {
          // A tenant key pointing at a non-tenant entity is reported once, by checkTenantKeys.
          boolean tenantKeyItself = fk.getColumnSpan() == 1 && sourceTenant != null
              && sameName(fk.getColumn(0), sourceTenant);
          if ((sourceTenant != null || sourceScoped) && !targetReference && !tenantKeyItself) {
            problems.add(describe(metadata, fk) + ": tenant table " + nameOf(table) + " references local table "
                + nameOf(target) + "; Citus only allows keys from a distributed table to a colocated table or "
                + "a reference table. Fix: mark " + ownerOf(metadata, target) + " @ReferenceTable or give it "
                + "a @TenantKey.");
          }
          continue;
        }
        if (sourceReference) {
          problems.add(describe(metadata, fk) + ": reference table " + nameOf(table) + " references tenant table "
              + nameOf(target) + "; a reference table is copied to every node and cannot point into one "
              + "tenant's shard. Fix: remove the association (keep a plain id column), or make "
              + ownerOf(metadata, table) + " a tenant entity with a @TenantKey.");
          continue;
        }
        if (sourceTenant == null && !sourceScoped) {
          problems.add(describe(metadata, fk) + ": local table " + nameOf(table) + " references tenant table "
              + nameOf(target) + "; Citus does not allow keys from a local table into a distributed one. "
              + "Fix: give " + ownerOf(metadata, table) + " a @TenantKey, or remove the association.");
          continue;
        }
        if (sourceTenant == null || targetTenant == null) {
          // schema mode: both tables live in the tenant's schema, and its keys stay as mapped
          continue;
        }
        String problem = compositeProblem(fk, sourceTenant, targetTenant);
        if (problem != null) {
          problems.add(describe(metadata, fk) + ": the foreign key from " + nameOf(table) + " to " + nameOf(target)
              + " cannot be made composite: " + problem);
        }
      }
    }
  }

  /** Why the key cannot become {@code (tenant, fk) -> (tenant, id)}, or {@code null} when it can. */
  private static String compositeProblem(ForeignKey fk, Column sourceTenant, Column targetTenant) {
    List<Column> referenced = fk.isReferenceToPrimaryKey()
        ? (fk.getReferencedTable().getPrimaryKey() == null ? List.of()
            : fk.getReferencedTable().getPrimaryKey().getColumns())
        : fk.getReferencedColumns();
    int at = indexOf(referenced, targetTenant);
    if (at >= 0) {
      if (at < fk.getColumnSpan() && sameName(fk.getColumn(at), sourceTenant)) {
        return null;
      }
      return "it joins " + fk.getColumns().get(Math.min(at, fk.getColumnSpan() - 1)).getName() + " to the tenant column "
          + targetTenant.getName() + " instead of the tenant column " + sourceTenant.getName()
          + ", so rows could point into another tenant's shard. Fix: make it the @TenantKey of the entity, "
          + "or map the value as a plain column without the association.";
    }
    if (indexOf(fk.getColumns(), sourceTenant) >= 0) {
      return "its columns " + names(fk.getColumns()) + " already use the tenant column " + sourceTenant.getName()
          + " for another referenced column. Fix: join on the referenced id only; the tenant column is added.";
    }
    if (fk.getKeyDefinition() != null && !fk.getKeyDefinition().isBlank()) {
      return "it has an explicit foreignKeyDefinition, which is exported as written. Fix: remove "
          + "foreignKeyDefinition or include " + sourceTenant.getName() + " in it and use ConstraintMode.NO_CONSTRAINT.";
    }
    return null;
  }

  /**
   * Hibernate 7 deprecates {@code getForeignKeys()} for {@code getForeignKeyCollection()}, which
   * Hibernate 6.6 lacks; both lines are supported.
   */
  @SuppressWarnings("removal")
  private static java.util.Collection<ForeignKey> foreignKeys(Table table) {
    return table.getForeignKeys().values();
  }

  private static int indexOf(List<Column> columns, Column column) {
    for (int i = 0; i < columns.size(); i++) {
      if (sameName(columns.get(i), column)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean sameName(Column a, Column b) {
    return a.getCanonicalName().equals(b.getCanonicalName());
  }

  private static List<String> names(List<Column> columns) {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.getName());
    }
    return names;
  }

  /** The entity and attribute a foreign key comes from, for messages. */
  private static String describe(Metadata metadata, ForeignKey fk) {
    for (PersistentClass pc : metadata.getEntityBindings()) {
      if (pc.getTable() != fk.getTable() && pc.getJoins().stream().noneMatch(j -> j.getTable() == fk.getTable())) {
        continue;
      }
      for (Property p : pc.getPropertyClosure()) {
        if (sameColumns(p.getValue().getSelectables(), fk.getColumns())) {
          return pc.getEntityName() + "." + p.getName();
        }
      }
    }
    for (Collection c : metadata.getCollectionBindings()) {
      if (c.getCollectionTable() == fk.getTable()
          && (sameColumns(c.getKey().getSelectables(), fk.getColumns())
              || c.getElement() != null && sameColumns(c.getElement().getSelectables(), fk.getColumns())
              || !c.isOneToMany())) {
        return c.getRole();
      }
    }
    return nameOf(fk.getTable()) + names(fk.getColumns());
  }

  private static boolean sameColumns(List<Selectable> selectables, List<Column> columns) {
    if (selectables.size() != columns.size()) {
      return false;
    }
    for (int i = 0; i < columns.size(); i++) {
      if (!(selectables.get(i) instanceof Column c) || !sameName(c, columns.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String ownerOf(Metadata metadata, Table table) {
    for (PersistentClass pc : metadata.getEntityBindings()) {
      if (pc.getTable() == table) {
        return pc.getEntityName();
      }
    }
    return nameOf(table);
  }

  /** The embeddable of an {@code @EmbeddedId}, {@code null} for other ids. */
  private static Component embeddedId(PersistentClass pc) {
    Property id = pc.getIdentifierProperty();
    return id != null && id.getValue() instanceof Component c && c.getComponentClass() != null ? c : null;
  }

  /** The attributes of a composite id ({@code @EmbeddedId} or {@code @IdClass}), {@code null} for a simple id. */
  private static Component idComponent(PersistentClass pc) {
    Component embedded = embeddedId(pc);
    if (embedded != null) {
      return embedded;
    }
    return pc.getIdentifierMapper() != null && pc.getIdentifier() instanceof Component c ? c : null;
  }

  private static Selectable single(List<Selectable> selectables) {
    return selectables.size() == 1 ? selectables.get(0) : null;
  }

  private static Property findProperty(PersistentClass pc, String name) {
    for (PersistentClass c = pc; c != null; c = c.getSuperclass()) {
      for (Property p : c.getProperties()) {
        if (p.getName().equals(name)) {
          return p;
        }
      }
    }
    return null;
  }

  private static String schemaOf(Table table) {
    return table.getSchema() == null ? null : TenantTable.normalize(table.getSchema());
  }

  /** The name as PostgreSQL's catalog holds it: unquoted names fold to lower case. */
  static String nameOf(Table table) {
    return table.isQuoted() ? table.getName() : table.getName().toLowerCase(Locale.ROOT);
  }

  /** Names of attributes of {@code type} (and its mapped superclasses) marked as tenant key. */
  static List<String> markedAttributes(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (isMarked(f) && !names.contains(f.getName())) {
          names.add(f.getName());
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        String property = propertyName(m);
        if (property != null && isMarked(m) && !names.contains(property)) {
          names.add(property);
        }
      }
    }
    return names;
  }

  private static boolean isMarked(AnnotatedElement element) {
    return element.isAnnotationPresent(TenantKey.class) || hasAnnotation(element, TenantId.class);
  }

  private static boolean hasAnnotation(AnnotatedElement element, Class<? extends Annotation> annotation) {
    return element.isAnnotationPresent(annotation);
  }

  private static String propertyName(Method m) {
    String n = m.getName();
    if (m.getParameterCount() != 0) {
      return null;
    }
    if (n.startsWith("get") && n.length() > 3) {
      return Character.toLowerCase(n.charAt(3)) + n.substring(4);
    }
    if (n.startsWith("is") && n.length() > 2) {
      return Character.toLowerCase(n.charAt(2)) + n.substring(3);
    }
    return null;
  }
}
