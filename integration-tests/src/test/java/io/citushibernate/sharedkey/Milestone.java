package io.citushibernate.sharedkey;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** The root of a JOINED hierarchy: its subclass tables join on the id. */
@Entity
@Table(name = "sk_milestones")
@Inheritance(strategy = InheritanceType.JOINED)
public class Milestone {
  @Id
  Long id;

  @TenantKey
  @Column(name = "account_ref", nullable = false, updatable = false)
  Long accountRef;

  String label;

  protected Milestone() {
  }

  Milestone(Long id, String label) {
    this.id = id;
    this.label = label;
  }
}
