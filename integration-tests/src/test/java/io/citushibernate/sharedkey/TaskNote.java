package io.citushibernate.sharedkey;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/** Shares its task's primary key through {@code @PrimaryKeyJoinColumn}. */
@Entity
@Table(name = "sk_task_notes")
public class TaskNote {
  @Id
  Long id;

  @OneToOne(fetch = FetchType.LAZY, optional = false)
  @PrimaryKeyJoinColumn
  Task task;

  @TenantKey
  @Column(name = "account_ref", nullable = false, updatable = false)
  Long accountRef;

  String text;

  protected TaskNote() {
  }

  TaskNote(Long id, String text) {
    this.id = id;
    this.text = text;
  }
}
