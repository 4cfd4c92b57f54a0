package io.citushibernate.spring.actuate.app;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant table: ads is distributed by company_id. */
@Entity
@Table(name = "ads")
public class Ad {
  @Id
  private Long id;

  @TenantKey
  @Column(name = "company_id", nullable = false, updatable = false)
  private Long companyId;

  protected Ad() {
  }
}
