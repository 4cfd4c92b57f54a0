package io.citushibernate.sharedkey;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** Shares its task's primary key ({@code @MapsId}). */
@Entity
@Table(name = "sk_task_details")
public class TaskDetail {
  @Id
  Long id;

  @MapsId
  @OneToOne(fetch = FetchType.LAZY)
  Task task;

  @TenantKey
  @Column(name = "account_ref", nullable = false, updatable = false)
  Long accountRef;

  String notes;

  protected TaskDetail() {
  }

  TaskDetail(Task task, String notes) {
    this.task = task;
    this.notes = notes;
  }
}
