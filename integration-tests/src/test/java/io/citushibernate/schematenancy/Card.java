package io.citushibernate.schematenancy;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A tenant entity with a sequence-generated id: each tenant's schema has its own sequence. */
@Entity
@Table(name = "cards")
public class Card {
  @Id
  @GeneratedValue
  private Long id;

  @TenantKey
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Board board;

  @Column(nullable = false)
  private String text;

  private int points;

  protected Card() {
  }

  public Card(Board board, String text, int points) {
    this.board = board;
    this.tenantId = board.getTenantId();
    this.text = text;
    this.points = points;
  }

  public Long getId() {
    return id;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public Board getBoard() {
    return board;
  }

  public String getText() {
    return text;
  }

  public int getPoints() {
    return points;
  }
}
