package io.citushibernate.stateless;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

/**
 * A tenant whose slogan lives in an optional secondary table: Hibernate writes that row with
 * {@code MERGE ... WHEN MATCHED AND s.slogan IS NULL THEN DELETE} on PostgreSQL 15 and later.
 */
@Entity
@Table(name = "brands")
@SecondaryTable(name = "brand_slogans")
public class Brand {
  @Id
  @TenantKey
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(table = "brand_slogans")
  private String slogan;

  protected Brand() {
  }

  public Brand(Long id, String name, String slogan) {
    this.id = id;
    this.name = name;
    this.slogan = slogan;
  }

  public void setSlogan(String slogan) {
    this.slogan = slogan;
  }
}
