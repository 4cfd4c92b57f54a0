package io.citushibernate.crosstenant;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Assigned ids: every tenant has a project 1 and a project 2, so ids repeat across tenants. */
@Entity
@Table(name = "ct_projects")
public class Project {
  @Id
  private Long id;

  @TenantKey
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(nullable = false)
  private String name;

  protected Project() {
  }

  public Project(Long id, String name) {
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
