package io.citushibernate.mapping;

import io.citushibernate.CitusMappingException;
import io.citushibernate.annotation.ReferenceTable;
import io.citushibernate.annotation.TenantKey;
import io.citushibernate.sql.TenantTable;
import io.citushibernate.sql.TenantTables;
import io.citushibernate.sql.TenantType;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.TenantId;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Column;
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
  private final Set<String> tenantEntityNames;
  private final TenantType tenantType;

  private TenantModel(Map<String, TenantAttribute> attributes, List<TenantTable> tenantTables,
      Set<String> referenceTables, Set<String> tenantEntityNames, TenantType tenantType) {
    this.attributes = attributes;
    this.tenantTables = tenantTables;
    this.referenceTables = referenceTables;
    this.tenantEntityNames = tenantEntityNames;
    this.tenantType = tenantType;
  }

  /**
   * Reads the tenancy of every entity in {@code metadata}.
   *
   * @throws CitusMappingException listing every mapping that cannot carry a tenant
   */
  public static TenantModel of(Metadata metadata) {
    List<String> problems = new ArrayList<>();
    Map<String, TenantAttribute> attributes = new LinkedHashMap<>();
    Map<String, TenantTable> tables = new LinkedHashMap<>();
    Set<String> referenceTables = new LinkedHashSet<>();
    Set<String> tenantEntities = new LinkedHashSet<>();
    Map<TenantType, String> typesSeen = new LinkedHashMap<>();

    for (PersistentClass pc : metadata.getEntityBindings()) {
      Class<?> type = pc.getMappedClass();
      if (type == null) {
        continue;
      }
      List<String> marked = markedAttributes(type);
      if (type.isAnnotationPresent(ReferenceTable.class)) {
        if (!marked.isEmpty()) {
          problems.add(pc.getEntityName() + ": @ReferenceTable entity has a tenant key (" + marked
              + "); a reference table is shared by all tenants. Remove one of the two.");
        }
        referenceTables.add(nameOf(pc.getTable()));
        continue;
      }
      if (marked.isEmpty()) {
        // A subclass inherits the tenant attribute of its root: use the root's.
        PersistentClass root = pc.getRootClass();
        if (root != pc && attributes.containsKey(root.getEntityName())) {
          TenantAttribute inherited = attributes.get(root.getEntityName());
          attributes.put(pc.getEntityName(), new TenantAttribute(pc.getEntityName(), inherited.attribute(),
              inherited.kind(), inherited.targetEntityName()));
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
      Table table = pc.getTable();
      tables.put(table.getName(), new TenantTable(schemaOf(table), nameOf(table), c.getQuotedName()));
      for (org.hibernate.mapping.Join join : pc.getJoins()) {
        if (join.getTable().getColumn(c) != null) {
          tables.put(join.getTable().getName(),
              new TenantTable(schemaOf(join.getTable()), nameOf(join.getTable()), c.getQuotedName()));
        }
      }
    }
    if (typesSeen.size() > 1) {
      problems.add("Tenant keys of different Java types in one persistence unit: " + typesSeen
          + ". Citus colocates tenants by one distribution column type; use one type everywhere.");
    }
    if (!problems.isEmpty()) {
      throw new CitusMappingException(problems);
    }
    TenantType type = typesSeen.isEmpty() ? null : typesSeen.keySet().iterator().next();
    return new TenantModel(Collections.unmodifiableMap(attributes), List.copyOf(tables.values()),
        Collections.unmodifiableSet(referenceTables), Collections.unmodifiableSet(tenantEntities), type);
  }

  /** The tenant attribute of an entity, or {@code null} when the entity has no tenant. */
  public TenantAttribute attributeOf(String entityName) {
    return attributes.get(entityName);
  }

  /** Whether no entity carries a tenant. */
  public boolean isEmpty() {
    return attributes.isEmpty();
  }

  /** The type of every tenant key in the unit, {@code null} when there is none. */
  public TenantType tenantType() {
    return tenantType;
  }

  /** The tables distributed by a tenant column. */
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

  /** Entities whose id is the tenant ({@code companies}). */
  public Set<String> tenantEntityNames() {
    return tenantEntityNames;
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
