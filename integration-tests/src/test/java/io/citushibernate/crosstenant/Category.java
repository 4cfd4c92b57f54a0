package io.citushibernate.crosstenant;

import io.citushibernate.annotation.ReferenceTable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reference table shared by all tenants; remarks refer to it with ON DELETE CASCADE. */
@Entity
@Table(name = "ct_categories")
@ReferenceTable
public class Category {
  @Id
  private Long id;

  @Column(nullable = false)
  private String name;

  protected Category() {
  }

  public Category(Long id, String name) {
    this.id = id;
    this.name = name;
  }

  public Long getId() {
    return id;
  }
}
