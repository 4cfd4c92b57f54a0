package io.citushibernate.sharedkey;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A JOINED subclass: its table holds no tenant column of its own in the mapping. */
@Entity
@Table(name = "sk_releases")
public class Release extends Milestone {
  String version;

  protected Release() {
  }

  Release(Long id, String label, String version) {
    super(id, label);
    this.version = version;
  }
}
