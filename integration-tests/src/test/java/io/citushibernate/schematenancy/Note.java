package io.citushibernate.schematenancy;

import io.citushibernate.annotation.TenantOwned;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A per-tenant entity with no tenant column: its rows belong to the tenant whose schema holds
 * them. Assigned ids, so every tenant has a note 1, 2, ...; a secondary and a collection table,
 * which live in the tenant's schema too.
 */
@Entity
@Table(name = "notes")
@SecondaryTable(name = "note_details")
@TenantOwned
public class Note {
  @Id
  private Long id;

  @Column(nullable = false)
  private String text;

  @Column(table = "note_details")
  private String detail;

  @ElementCollection
  @CollectionTable(name = "note_tags", joinColumns = @JoinColumn(name = "note_id"))
  @OrderColumn(name = "position")
  @Column(name = "tag")
  private List<String> tags = new ArrayList<>();

  protected Note() {
  }

  public Note(Long id, String text, String detail, List<String> tags) {
    this.id = id;
    this.text = text;
    this.detail = detail;
    this.tags = new ArrayList<>(tags);
  }

  public Long getId() {
    return id;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getDetail() {
    return detail;
  }

  public List<String> getTags() {
    return tags;
  }
}
