package io.citushibernate.schema.store;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** The migration guide's tenant: stores are distributed by their own UUID id. */
@Entity
@Table(name = "stores")
public class Store {
  @Id
  @TenantKey
  @Column(name = "store_id")
  private UUID id;

  @Column(nullable = false)
  private String name;

  /** An element collection of the tenant entity: its key column already is the tenant. */
  @ElementCollection
  @CollectionTable(name = "store_tags", joinColumns = @JoinColumn(name = "store_id"))
  @Column(name = "tag", nullable = false)
  private Set<String> tags = new LinkedHashSet<>();

  protected Store() {
  }

  public Store(UUID id, String name) {
    this.id = id;
    this.name = name;
  }

  public UUID getId() {
    return id;
  }

  public Set<String> getTags() {
    return tags;
  }
}
