package io.citushibernate.internal.mapping;

import jakarta.persistence.GeneratedValue;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.hibernate.annotations.IdGeneratorType;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.KeyValue;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;

/**
 * Whether an entity's ids may repeat across tenants.
 *
 * <p>Hibernate identifies an entity in a session by its id alone. Within one tenant that is
 * enough (the tenant's primary key is {@code (tenant, id)}), but a cross-tenant query over ids
 * that repeat merges different tenants' rows into one instance. Ids are unique across tenants
 * when a generator draws them from one source for all tenants (a sequence, an identity column, a
 * UUID: {@code @GeneratedValue} or a Hibernate {@code @IdGeneratorType} annotation), or when the
 * id includes the tenant column. Ids the application assigns may repeat. Anything this cannot
 * tell (mappings without annotations) counts as "may repeat": refusing is safe, merging is not.
 */
final class IdUniqueness {
  private IdUniqueness() {
  }

  /** Whether ids of {@code pc}, whose tenant is in {@code tenantColumn}, may repeat across tenants. */
  static boolean mayRepeatAcrossTenants(PersistentClass pc, Column tenantColumn) {
    PersistentClass root = pc.getRootClass();
    KeyValue id = root.getIdentifier();
    if (id == null) {
      return true;
    }
    for (Selectable s : id.getSelectables()) {
      if (s instanceof Column c && tenantColumn != null && c.getCanonicalName().equals(tenantColumn.getCanonicalName())) {
        return false; // a composite id with the tenant in it
      }
    }
    Property idProperty = root.getIdentifierProperty();
    return idProperty == null || root.getMappedClass() == null || !generated(root.getMappedClass(), idProperty.getName());
  }

  /** Whether the id attribute {@code name} of {@code type} (or a superclass) has a generator annotation. */
  private static boolean generated(Class<?> type, String name) {
    String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(name) && hasGenerator(f)) {
          return true;
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(getter) && m.getParameterCount() == 0 && hasGenerator(m)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasGenerator(AnnotatedElement element) {
    if (element.isAnnotationPresent(GeneratedValue.class)) {
      return true;
    }
    for (Annotation a : element.getAnnotations()) {
      if (a.annotationType().isAnnotationPresent(IdGeneratorType.class)) {
        return true; // @UuidGenerator, @Tsid and the application's own generator annotations
      }
    }
    return false;
  }
}
