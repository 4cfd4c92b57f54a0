package io.citushibernate.spring.boot.schemaapp;

import io.citushibernate.annotation.TenantOwned;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A per-tenant table without a tenant column: every tenant's schema has its own notes, ids repeating across tenants. */
@Entity
@Table(name = "notes")
@TenantOwned
public class Note {
  @Id
  private Long id;

  private String text;

  protected Note() {
  }

  public Note(Long id, String text) {
    this.id = id;
    this.text = text;
  }

  public Long getId() {
    return id;
  }

  public String getText() {
    return text;
  }
}
