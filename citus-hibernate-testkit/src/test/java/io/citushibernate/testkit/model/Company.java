package io.citushibernate.testkit.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The tenant: companies is distributed by its own id. */
@Entity
@Table(name = "companies")
public class Company {
  @Id
  @TenantKey
  private Long id;

  @Column(nullable = false)
  private String name;

  protected Company() {
  }

  public Company(Long id, String name) {
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
