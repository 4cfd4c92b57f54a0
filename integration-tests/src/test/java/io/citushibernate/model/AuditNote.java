package io.citushibernate.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An unannotated entity: a local table, never scoped. */
@Entity
@Table(name = "audit_notes")
public class AuditNote {
  @Id
  @GeneratedValue
  private Long id;

  private String text;

  protected AuditNote() {
  }

  public AuditNote(String text) {
    this.text = text;
  }

  public Long getId() {
    return id;
  }
}
