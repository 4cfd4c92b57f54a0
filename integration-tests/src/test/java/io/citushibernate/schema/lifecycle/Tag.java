package io.citushibernate.schema.lifecycle;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant table with an {@code integer} identity column, added to the unit by a later boot (update). */
@Entity
@Table(name = "tags")
public class Tag {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Integer id;

  @TenantKey
  @Column(name = "shop_id", nullable = false, updatable = false)
  private Long shopId;

  @Column(nullable = false)
  private String label;

  protected Tag() {
  }

  public Tag(Long shopId, String label) {
    this.shopId = shopId;
    this.label = label;
  }

  public String getLabel() {
    return label;
  }
}
