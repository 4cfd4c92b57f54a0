package io.citushibernate.sharedkey;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A task with an assigned id: every tenant numbers its tasks from 1. */
@Entity
@Table(name = "sk_tasks")
public class Task {
  @Id
  Long id;

  @TenantKey
  @Column(name = "account_ref", nullable = false, updatable = false)
  Long accountRef;

  String title;

  protected Task() {
  }

  Task(Long id, String title) {
    this.id = id;
    this.title = title;
  }
}
