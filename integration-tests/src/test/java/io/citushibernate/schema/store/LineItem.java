package io.citushibernate.schema.store;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.UUID;

/** The migration guide's normalized line item, denormalized with store_id. */
@Entity
@Table(name = "line_items")
public class LineItem {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "line_items_seq")
  @SequenceGenerator(name = "line_items_seq", sequenceName = "line_items_seq", allocationSize = 50)
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

  public LineItem(Order order, Product product, int quantity) {
    this.order = order;
    this.product = product;
    this.quantity = quantity;
  }

  public Long getId() {
    return id;
  }
}
