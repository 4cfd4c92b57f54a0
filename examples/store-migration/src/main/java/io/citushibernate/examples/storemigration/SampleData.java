package io.citushibernate.examples.storemigration;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generated data for the "before" schema, the same for the same sizes. Ids come from one sequence
 * per table across all stores, as in a single-node application: an order id alone says nothing
 * about its store, which is why line_items needs the store_id backfilled from orders.
 */
public final class SampleData {
  /** The store id the migration guide's queries use; store 1 gets it. */
  public static final UUID GUIDE_STORE = UUID.fromString("8c69aa0d-3f13-4440-86ca-443566c1fc75");
  /** The product of the guide's join query. */
  public static final String WOOL_PANTS = "Awesome Wool Pants";

  private static final String[] PRODUCTS = {WOOL_PANTS, "Sleek Cotton Shirt", "Rustic Leather Boots",
      "Cozy Alpaca Scarf", "Classic Denim Jacket", "Silk Evening Gloves"};
  private static final String[] STATUSES = {"placed", "paid", "shipped", "delivered"};
  private static final OffsetDateTime START = OffsetDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  public record Store(UUID storeId, String name, String ownerEmail) {
  }

  public record Product(long productId, UUID storeId, String name, BigDecimal price) {
  }

  /** An order; {@code number} is the store's own, "#1001" for its first, so numbers repeat across stores. */
  public record Order(long orderId, UUID storeId, String number, String status, OffsetDateTime orderedAt) {
  }

  /** A line item as the normalized schema has it: no store_id. */
  public record LineItem(long lineItemId, long orderId, long productId, int quantity) {
  }

  private final List<Store> stores = new ArrayList<>();
  private final List<Product> products = new ArrayList<>();
  private final List<Order> orders = new ArrayList<>();
  private final List<LineItem> lineItems = new ArrayList<>();

  public SampleData(int storeCount, int ordersPerStore) {
    Random random = new Random(42);
    for (int s = 1; s <= storeCount; s++) {
      UUID id = storeId(s);
      stores.add(new Store(id, "Store " + s, "owner" + s + "@store" + s + ".example"));
      for (int p = 0; p < PRODUCTS.length; p++) {
        BigDecimal price = BigDecimal.valueOf(1999 + 1000L * p + 100L * (s % 5), 2);
        products.add(new Product(products.size() + 1, id, PRODUCTS[p], price));
      }
    }
    // interleaved: order 1 is store 1's, order 2 store 2's, ... as a shared sequence hands them out
    for (int o = 0; o < ordersPerStore; o++) {
      for (int s = 0; s < storeCount; s++) {
        long orderId = orders.size() + 1;
        orders.add(new Order(orderId, stores.get(s).storeId(), "#" + (1001 + o),
            STATUSES[random.nextInt(STATUSES.length)], START.plusHours(orderId * 7L)));
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
          // every store's first order has wool pants, so the guide's sum is never empty
          int product = o == 0 && i == 0 ? 0 : random.nextInt(PRODUCTS.length);
          long productId = (long) s * PRODUCTS.length + product + 1;
          lineItems.add(new LineItem(lineItems.size() + 1, orderId, productId, 1 + random.nextInt(5)));
        }
      }
    }
  }

  /** Store {@code n}'s id (1-based): the guide's UUID for store 1, name-based UUIDs for the others. */
  public static UUID storeId(int n) {
    return n == 1 ? GUIDE_STORE : UUID.nameUUIDFromBytes(("store " + n).getBytes(StandardCharsets.UTF_8));
  }

  public List<Store> stores() {
    return stores;
  }

  public List<Product> products() {
    return products;
  }

  public List<Order> orders() {
    return orders;
  }

  public List<LineItem> lineItems() {
    return lineItems;
  }
}
