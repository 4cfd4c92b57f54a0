package io.citushibernate.schema.lifecycle;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A tenant table with a {@code bigint} identity column (the mapping whose {@code undistribute_table}
 * Citus refuses) and keys to the tenant entity and to a reference table.
 */
@Entity
@Table(name = "notes")
public class Note {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @TenantKey
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "shop_id", nullable = false, updatable = false)
  private Shop shop;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "country_code", nullable = false)
  private Country country;

  @Column(nullable = false)
  private String text;

  protected Note() {
  }

  public Note(Shop shop, Country country, String text) {
    this.shop = shop;
    this.country = country;
    this.text = text;
  }

  public Long getId() {
    return id;
  }

  public String getText() {
    return text;
  }
}
