package io.citushibernate.matrix;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import jakarta.persistence.OrderColumn;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Hibernate;
import org.hibernate.proxy.HibernateProxy;

/**
 * An answer as text that does not depend on which database produced it: entities by class and
 * attributes (associations two levels deep, then by id), unordered collections sorted, query rows
 * as lists. Lazy state is loaded while rendering, inside the operation's session, so rendering
 * exercises the lazy loads; what cannot be loaded (a closed or stateless session) renders as
 * {@code <lazy>} on both sides alike.
 */
final class Render {
  private static final int DEPTH = 2;

  private Render() {
  }

  static String of(Object value) {
    return of(value, DEPTH, null);
  }

  private static String of(Object value, int depth, Field field) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Object[] row) {
      List<String> cells = new ArrayList<>();
      for (Object cell : row) {
        cells.add(of(cell, depth, null));
      }
      return cells.toString();
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      return collection(value, depth, field);
    }
    if (value instanceof Number n && !(value instanceof java.math.BigDecimal)) {
      return Long.toString(n.longValue());
    }
    if (value instanceof HibernateProxy || value.getClass().isAnnotationPresent(Entity.class)
        || entityClass(value.getClass()) != null) {
      return entity(value, depth);
    }
    if (value.getClass().isAnnotationPresent(Embeddable.class)) {
      return value.getClass().getSimpleName() + attributes(value, depth);
    }
    return String.valueOf(value);
  }

  private static String collection(Object value, int depth, Field field) {
    if (!Hibernate.isInitialized(value) && !initialize(value)) {
      return "<lazy>";
    }
    List<String> elements = new ArrayList<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> elements.add(of(k, depth - 1, null) + "=" + of(v, depth - 1, null)));
    } else {
      ((Collection<?>) value).forEach(e -> elements.add(of(e, depth - 1, null)));
    }
    boolean ordered = field != null && field.isAnnotationPresent(OrderColumn.class);
    if (!ordered) {
      elements.sort(null);
    }
    return elements.toString();
  }

  private static String entity(Object value, int depth) {
    if (!Hibernate.isInitialized(value) && !initialize(value)) {
      return "<lazy " + Hibernate.getClassLazy(value).getSimpleName() + "#"
          + of(((HibernateProxy) value).getHibernateLazyInitializer().getIdentifier(), 0, null) + ">";
    }
    Object entity = Hibernate.unproxy(value);
    String name = entity.getClass().getSimpleName();
    if (depth <= 0) {
      return name + "#" + id(entity);
    }
    return name + attributes(entity, depth);
  }

  private static boolean initialize(Object value) {
    try {
      Hibernate.initialize(value);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String attributes(Object target, int depth) {
    Map<String, String> values = new TreeMap<>();
    for (Field f : fields(target.getClass())) {
      values.put(f.getName(), of(read(f, target), depth, f));
    }
    return values.toString();
  }

  private static String id(Object entity) {
    List<String> parts = new ArrayList<>();
    for (Field f : fields(entity.getClass())) {
      if (f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(EmbeddedId.class)) {
        parts.add(of(read(f, entity), 1, f));
      }
    }
    return String.join(",", parts);
  }

  private static List<Field> fields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
          fields.add(f);
        }
      }
    }
    return fields;
  }

  private static Object read(Field f, Object target) {
    try {
      f.setAccessible(true);
      return f.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + f, e);
    }
  }

  private static Class<?> entityClass(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(Entity.class)) {
        return c;
      }
    }
    return null;
  }
}
