package io.citushibernate.examples.adanalytics.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The tenant. Citus distributes companies by its own id, so the id is the tenant key. */
@Entity
@Table(name = "companies")
public class Company {
  @Id
  @TenantKey
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "image_url")
  private String imageUrl;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected Company() {
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
