package io.citushibernate.internal.mapping;

import io.citushibernate.CitusHibernateException;
import java.lang.reflect.Field;

/**
 * Where the tenant sits inside a composite id: the {@code @TenantKey} attribute of an
 * {@code @IdClass} entity, or of an {@code @EmbeddedId}'s embeddable. It is read from the entity
 * (to check it), from the id value Hibernate passes to its events, and written into a new entity
 * (to fill it from the tenant context, as for any tenant key).
 *
 * <p>The fields are found once at boot. An {@code @IdClass} repeats the entity's id attributes
 * by name (JPA requires it), so the tenant field of the entity and of the id class share a name.
 */
public final class IdPart {
  /** The entity's field that holds the id object ({@code @EmbeddedId}); {@code null} for an {@code @IdClass}. */
  private final Field holder;
  /** The entity's own tenant field ({@code @IdClass}); {@code null} for an {@code @EmbeddedId}. */
  private final Field onEntity;
  /** The tenant field of the id object (the id class or the embeddable). */
  private final Field onId;

  private IdPart(Field holder, Field onEntity, Field onId) {
    this.holder = holder;
    this.onEntity = onEntity;
    this.onId = onId;
  }

  static IdPart idClass(Class<?> entity, Class<?> idClass, String name) {
    return new IdPart(null, field(entity, name), field(idClass, name));
  }

  static IdPart embeddedId(Class<?> entity, String idAttribute, Class<?> embeddable, String name) {
    return new IdPart(field(entity, idAttribute), null, field(embeddable, name));
  }

  /** The tenant value in {@code entity}'s id, {@code null} when not set. */
  public Object read(Object entity) {
    if (onEntity != null) {
      return get(onEntity, entity);
    }
    Object id = get(holder, entity);
    return id == null ? null : get(onId, id);
  }

  /** The tenant value in an id object (what Hibernate's events carry as the id). */
  public Object fromId(Object id) {
    return id == null || !onId.getDeclaringClass().isInstance(id) ? null : get(onId, id);
  }

  /**
   * Puts {@code tenant} into {@code entity}'s id; returns whether it could (an {@code @EmbeddedId}
   * object must exist to hold it).
   */
  public boolean assign(Object entity, Object tenant) {
    if (onEntity != null) {
      set(onEntity, entity, tenant);
      return true;
    }
    Object id = get(holder, entity);
    if (id == null) {
      return false;
    }
    set(onId, id, tenant);
    return true;
  }

  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new CitusHibernateException(type.getName() + " has no field " + name + " for the tenant key in its id; "
        + "citus-hibernate reads a composite id's tenant key from its field. Declare the field " + name + ".");
  }

  private static Object get(Field f, Object target) {
    try {
      return f.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(Field f, Object target, Object value) {
    try {
      f.set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
