package io.citushibernate.schema.store;

import io.citushibernate.annotation.ReferenceTable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The migration guide's example of a reference table: categories shared by all stores. */
@Entity
@Table(name = "product_categories")
@ReferenceTable
public class ProductCategory {
  @Id
  private Long id;

  @Column(nullable = false, unique = true)
  private String name;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private ProductCategory parent;

  protected ProductCategory() {
  }

  public ProductCategory(Long id, String name, ProductCategory parent) {
    this.id = id;
    this.name = name;
    this.parent = parent;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
