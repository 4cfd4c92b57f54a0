package io.citushibernate.examples.storemigration.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A store's product. After the migration the table's primary key is (store_id, product_id);
 * Hibernate keeps the single id (product ids stay unique, they come from one sequence) and
 * citus-hibernate adds the store_id predicate to every statement.
 */
@Entity
@Table(name = "products")
public class Product {
  @Id
  @Column(name = "product_id")
  private Long id;

  @TenantKey
  @Column(name = "store_id", nullable = false, updatable = false)
  private UUID storeId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private BigDecimal price;

  protected Product() {
  }

  public Long getId() {
    return id;
  }

  public UUID getStoreId() {
    return storeId;
  }

  public String getName() {
    return name;
  }

  public BigDecimal getPrice() {
    return price;
  }
}
