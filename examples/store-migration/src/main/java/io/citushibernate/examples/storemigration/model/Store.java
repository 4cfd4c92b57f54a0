package io.citushibernate.examples.storemigration.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The tenant: stores are distributed by their own id, store_id. */
@Entity
@Table(name = "stores")
public class Store {
  @Id
  @TenantKey
  @Column(name = "store_id", nullable = false, updatable = false)
  private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(name = "owner_email", nullable = false)
  private String ownerEmail;

  protected Store() {
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getOwnerEmail() {
    return ownerEmail;
  }
}
