package io.citushibernate.schema.store;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A store's product; tenant key is a basic UUID column, as in the migration guide. */
@Entity
@Table(name = "products")
public class Product {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "products_seq")
  @SequenceGenerator(name = "products_seq", sequenceName = "products_seq", allocationSize = 50)
  @Column(name = "product_id")
  private Long id;

  @TenantKey
  @Column(name = "store_id", nullable = false, updatable = false)
  private UUID storeId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false, unique = true)
  private String sku;

  /** Tenant table to reference table: stays a single-column key. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "category_id")
  private ProductCategory category;

  /** Join table between two tenant tables: gets store_id in its key and both foreign keys. */
  @ManyToMany
  @JoinTable(name = "product_related", joinColumns = @JoinColumn(name = "product_id"),
      inverseJoinColumns = @JoinColumn(name = "related_id"))
  private Set<Product> related = new LinkedHashSet<>();

  /** Join table from a tenant table to a reference table. */
  @ManyToMany
  @JoinTable(name = "product_extra_categories", joinColumns = @JoinColumn(name = "product_id"),
      inverseJoinColumns = @JoinColumn(name = "category_id"))
  private Set<ProductCategory> extraCategories = new LinkedHashSet<>();

  /** Element collection of a tenant table that is not the tenant: gets store_id added. */
  @ElementCollection
  @CollectionTable(name = "product_keywords", joinColumns = @JoinColumn(name = "product_id"))
  @Column(name = "keyword", nullable = false)
  private Set<String> keywords = new LinkedHashSet<>();

  protected Product() {
  }

  public Product(String name, String sku, ProductCategory category) {
    this.name = name;
    this.sku = sku;
    this.category = category;
  }

  public Long getId() {
    return id;
  }

  public UUID getStoreId() {
    return storeId;
  }

  public String getName() {
    return name;
  }

  public Set<Product> getRelated() {
    return related;
  }

  public Set<ProductCategory> getExtraCategories() {
    return extraCategories;
  }

  public Set<String> getKeywords() {
    return keywords;
  }
}
