package io.citushibernate.identity;

import io.citushibernate.annotation.ReferenceTable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reference table, shared by every tenant. */
@Entity
@Table(name = "id_labels")
@ReferenceTable
public class Label {
  @Id
  Long id;

  String text;

  protected Label() {
  }

  Label(Long id, String text) {
    this.id = id;
    this.text = text;
  }
}
