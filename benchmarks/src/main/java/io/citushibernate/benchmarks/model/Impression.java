package io.citushibernate.benchmarks.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * An impression of an ad. The workload does not touch it; it is mapped so that the model has the
 * tutorial's five tenant tables and the rewrite ladder's five-table join is real Hibernate SQL.
 */
@Entity
@Table(name = "impressions")
public class Impression {
  @Id
  private Long id;

  @TenantKey
  @Column(name = "company_id", nullable = false, updatable = false)
  private Long companyId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ad_id", nullable = false)
  private Ad ad;

  @Column(name = "seen_at", nullable = false)
  private LocalDateTime seenAt = LocalDateTime.of(2024, 1, 1, 0, 0);

  @Column(name = "site_url", nullable = false)
  private String siteUrl = "https://example.org";

  protected Impression() {
  }

  public Long getId() {
    return id;
  }

  public Ad getAd() {
    return ad;
  }
}
