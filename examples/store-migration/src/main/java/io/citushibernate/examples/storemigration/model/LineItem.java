package io.citushibernate.examples.storemigration.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The guide's line item, denormalized by the migration: store_id is the column the changelog added
 * and backfilled from orders. The associations keep their single join columns; the database's
 * foreign keys are (store_id, order_id) and (store_id, product_id), and the store_id predicate
 * citus-hibernate puts on both sides of a join makes Hibernate's join match them.
 */
@Entity
@Table(name = "line_items")
public class LineItem {
  @Id
  @Column(name = "line_item_id")
  private Long id;

  @TenantKey
  @Column(name = "store_id", nullable = false, updatable = false)
  private UUID storeId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "order_id", nullable = false)
  private Order order;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "product_id", nullable = false)
  private Product product;

  @Column(nullable = false)
  private int quantity;

  protected LineItem() {
  }

  public Long getId() {
    return id;
  }

  public UUID getStoreId() {
    return storeId;
  }

  public Order getOrder() {
    return order;
  }

  public Product getProduct() {
    return product;
  }

  public int getQuantity() {
    return quantity;
  }
}
