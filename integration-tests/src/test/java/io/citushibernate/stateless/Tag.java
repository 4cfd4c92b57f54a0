package io.citushibernate.stateless;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A tag with an assigned id, the same ids in every shop; the tenant key is a @ManyToOne. */
@Entity
@Table(name = "tags")
public class Tag {
  @Id
  private Long id;

  @TenantKey
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "shop_id", nullable = false, updatable = false)
  private Shop shop;

  @Column(nullable = false)
  private String label;

  protected Tag() {
  }

  public Tag(Long id, String label) {
    this.id = id;
    this.label = label;
  }

  public Long getId() {
    return id;
  }

  public Shop getShop() {
    return shop;
  }

  public void setShop(Shop shop) {
    this.shop = shop;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }
}
