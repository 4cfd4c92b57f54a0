package io.citushibernate.schematenancy;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A tenant entity with an assigned id, so that every tenant has a board 1, 2, ... */
@Entity
@Table(name = "boards")
public class Board {
  @Id
  private Long id;

  @TenantKey
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(nullable = false)
  private String title;

  @ManyToOne(fetch = FetchType.LAZY)
  private Plan plan;

  @OneToMany(mappedBy = "board")
  @OrderBy("id")
  private List<Card> cards = new ArrayList<>();

  protected Board() {
  }

  /** {@code tenantId} as the library's write listener would fill it, so plain Hibernate stores the same rows. */
  public Board(Long id, Long tenantId, String title, Plan plan) {
    this.id = id;
    this.tenantId = tenantId;
    this.title = title;
    this.plan = plan;
  }

  public Long getId() {
    return id;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Plan getPlan() {
    return plan;
  }

  public List<Card> getCards() {
    return cards;
  }
}
