package io.citushibernate.schema.lifecycle;

import io.citushibernate.annotation.ReferenceTable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Shared by every shop: a reference table that tenant tables reference. */
@Entity
@Table(name = "countries")
@ReferenceTable
public class Country {
  @Id
  private String code;

  protected Country() {
  }

  public Country(String code) {
    this.code = code;
  }
}
