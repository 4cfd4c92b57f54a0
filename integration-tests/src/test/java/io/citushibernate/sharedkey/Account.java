package io.citushibernate.sharedkey;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The tenant entity of the shared-key model. */
@Entity
@Table(name = "sk_accounts")
public class Account {
  @Id
  @TenantKey
  Long id;

  String name;

  protected Account() {
  }

  Account(Long id, String name) {
    this.id = id;
    this.name = name;
  }
}
