package io.citushibernate.stateless;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import org.hibernate.annotations.SecondaryRow;

/** A tenant whose slogan lives in a secondary table that always has its row: written with UPDATE and INSERT. */
@Entity
@Table(name = "solid_brands")
@SecondaryTable(name = "solid_brand_slogans")
@SecondaryRow(table = "solid_brand_slogans", optional = false)
public class SolidBrand {
  @Id
  @TenantKey
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(table = "solid_brand_slogans")
  private String slogan;

  protected SolidBrand() {
  }

  public SolidBrand(Long id, String name, String slogan) {
    this.id = id;
    this.name = name;
    this.slogan = slogan;
  }

  public void setSlogan(String slogan) {
    this.slogan = slogan;
  }
}
