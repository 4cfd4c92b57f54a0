package io.citushibernate.examples.storemigration.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A store's order; primary key (store_id, order_id) after the migration. The entity is named
 * StoreOrder because ORDER is a keyword of HQL; the table keeps the guide's name, orders.
 */
@Entity(name = "StoreOrder")
@Table(name = "orders")
public class Order {
  @Id
  @Column(name = "order_id")
  private Long id;

  @TenantKey
  @Column(name = "store_id", nullable = false, updatable = false)
  private UUID storeId;

  @Column(nullable = false)
  private String status;

  @Column(name = "ordered_at", nullable = false)
  private OffsetDateTime orderedAt;

  protected Order() {
  }

  public Long getId() {
    return id;
  }

  public UUID getStoreId() {
    return storeId;
  }

  public String getStatus() {
    return status;
  }

  public OffsetDateTime getOrderedAt() {
    return orderedAt;
  }
}
