package io.citushibernate.benchmarks.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * The tenant of the Citus ad-analytics tutorial: {@code companies} is distributed by its own id.
 * Copied from the core's test model, without second-level caching so that every benchmark
 * operation reaches the database.
 */
@Entity
@Table(name = "companies")
public class Company {
  @Id
  @TenantKey
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "image_url", nullable = false)
  private String imageUrl = "https://example.com/logo.png";

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt = LocalDateTime.of(2024, 1, 1, 0, 0);

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt = LocalDateTime.of(2024, 1, 1, 0, 0);

  protected Company() {
  }

  public Company(Long id, String name) {
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
