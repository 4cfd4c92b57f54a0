package io.citushibernate.schema.lifecycle;

import java.util.List;

/** The entity sets of the schema lifecycle tests. */
public final class LifecycleModel {
  /** The unit of the first boot. */
  public static final List<Class<?>> ENTITIES = List.of(Shop.class, Country.class, Note.class);
  /** The unit after a release added {@link Tag} (no keys) and {@link Review} (keys to existing tables). */
  public static final List<Class<?>> GROWN = List.of(Shop.class, Country.class, Note.class, Tag.class,
      Review.class);

  private LifecycleModel() {
  }
}
