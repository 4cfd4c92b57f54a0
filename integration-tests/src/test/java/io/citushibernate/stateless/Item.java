package io.citushibernate.stateless;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An item with an assigned id, the same ids in every shop; the tenant key is a basic attribute.
 */
@Entity
@Table(name = "items")
public class Item {
  @Id
  private Long id;

  @TenantKey
  @Column(name = "shop_id", nullable = false, updatable = false)
  private Long shopId;

  @Column(nullable = false)
  private String name;

  private int price;

  protected Item() {
  }

  public Item(Long id, String name, int price) {
    this.id = id;
    this.name = name;
    this.price = price;
  }

  public Long getId() {
    return id;
  }

  public Long getShopId() {
    return shopId;
  }

  public void setShopId(Long shopId) {
    this.shopId = shopId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getPrice() {
    return price;
  }
}
