package io.citushibernate.stateless;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant: its id is the tenant key. */
@Entity
@Table(name = "shops")
public class Shop {
  @Id
  @TenantKey
  private Long id;

  @Column(nullable = false)
  private String name;

  protected Shop() {
  }

  public Shop(Long id, String name) {
    this.id = id;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
