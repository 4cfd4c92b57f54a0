package io.citushibernate.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** The tenant: companies is distributed by its own id. */
@Entity
@Table(name = "companies")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
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

  public void setName(String name) {
    this.name = name;
  }
}
