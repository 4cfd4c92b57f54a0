package io.citushibernate.schematenancy;

import io.citushibernate.annotation.ReferenceTable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Shared by every tenant: lives in the shared schema. */
@Entity
@Table(name = "plans")
@ReferenceTable
public class Plan {
  @Id
  private Long id;

  private String name;

  protected Plan() {
  }

  public Plan(Long id, String name) {
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
