package io.citushibernate.schema.store;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A store's order; the tenant key is a many-to-one to the store, with a unique index. */
@Entity
@Table(name = "orders", indexes = @Index(name = "orders_number_idx", columnList = "order_number", unique = true))
public class Order {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders_seq")
  @SequenceGenerator(name = "orders_seq", sequenceName = "orders_seq", allocationSize = 50)
  @Column(name = "order_id")
  private Long id;

  @TenantKey
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "store_id", nullable = false, updatable = false)
  private Store store;

  @Column(name = "order_number", nullable = false)
  private String number;

  protected Order() {
  }

  public Order(String number) {
    this.number = number;
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }
}
