package io.citushibernate.isolation;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A note of a workspace; the String tenant key is a basic attribute. */
@Entity
@Table(name = "notes")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Note {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notes_seq")
  @SequenceGenerator(name = "notes_seq", sequenceName = "notes_seq", allocationSize = 50)
  private Long id;

  @TenantKey
  @Column(name = "workspace_slug", nullable = false, updatable = false, length = 4000)
  private String workspaceSlug;

  @Column(nullable = false, length = 4000)
  private String text;

  protected Note() {
  }

  public Note(String text) {
    this.text = text;
  }

  public Long getId() {
    return id;
  }

  public String getWorkspaceSlug() {
    return workspaceSlug;
  }

  public String getText() {
    return text;
  }
}
