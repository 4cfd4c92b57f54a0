package io.citushibernate.spring.actuate.app;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The tenant entity: companies is distributed by its id. */
@Entity
@Table(name = "companies")
public class Company {
  @Id
  @TenantKey
  private Long id;

  private String name;

  protected Company() {
  }
}
