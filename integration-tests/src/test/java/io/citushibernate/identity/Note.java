package io.citushibernate.identity;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant entity with an assigned id: every tenant numbers its notes from 1. */
@Entity
@Table(name = "id_notes")
public class Note {
  @Id
  Long id;

  @TenantKey
  @Column(name = "tenant_id", nullable = false, updatable = false)
  Long tenantId;

  String text;

  protected Note() {
  }

  Note(Long id, String text) {
    this.id = id;
    this.text = text;
  }
}
