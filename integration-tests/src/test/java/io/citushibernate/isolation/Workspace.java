package io.citushibernate.isolation;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A tenant named by a slug: a String tenant key on the id. */
@Entity
@Table(name = "workspaces")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Workspace {
  @Id
  @TenantKey
  @Column(length = 4000)
  private String slug;

  @Column(nullable = false, length = 4000)
  private String title;

  protected Workspace() {
  }

  public Workspace(String slug, String title) {
    this.slug = slug;
    this.title = title;
  }

  public String getSlug() {
    return slug;
  }

  public String getTitle() {
    return title;
  }
}
