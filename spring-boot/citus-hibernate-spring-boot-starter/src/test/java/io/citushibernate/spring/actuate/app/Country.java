package io.citushibernate.spring.actuate.app;

import io.citushibernate.annotation.ReferenceTable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Shared by every tenant: countries is a reference table. */
@Entity
@Table(name = "countries")
@ReferenceTable
public class Country {
  @Id
  private String code;

  protected Country() {
  }
}
