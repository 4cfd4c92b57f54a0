package io.citushibernate.crosstenant;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Generated ids, unique across tenants; the element of Task's many-to-many. */
@Entity
@Table(name = "ct_tags")
public class Tag {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @TenantKey
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(nullable = false)
  private String name;

  protected Tag() {
  }

  public Tag(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }
}
