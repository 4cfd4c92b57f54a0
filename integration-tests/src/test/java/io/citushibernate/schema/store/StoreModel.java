package io.citushibernate.schema.store;

import java.util.List;

/** The migration guide's store schema, as entities. */
public final class StoreModel {
  public static final List<Class<?>> ENTITIES = List.of(Store.class, ProductCategory.class, Product.class,
      Order.class, LineItem.class);

  private StoreModel() {
  }
}
