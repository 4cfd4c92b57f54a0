package io.citushibernate.matrix;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The tenant entity of every shape: {@code accounts} is distributed by its id. */
@Entity(name = "Account")
@Table(name = "accounts")
public class Account {
  @Id
  @TenantKey
  Long id;
  String name;

  protected Account() {
  }

  Account(long id) {
    this.id = id;
    this.name = "account " + id;
  }
}
