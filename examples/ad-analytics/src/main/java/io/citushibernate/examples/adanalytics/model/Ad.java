package io.citushibernate.examples.adanalytics.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** An ad of a campaign, with the tutorial's running impression and click counters. */
@Entity
@Table(name = "ads")
public class Ad {
  @Id
  private Long id;

  @TenantKey
  @Column(name = "company_id", nullable = false, updatable = false)
  private Long companyId;

  // The database key is (company_id, campaign_id); the tenant predicate supplies company_id.
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "campaign_id", nullable = false)
  private Campaign campaign;

  @Column(nullable = false)
  private String name;

  @Column(name = "image_url")
  private String imageUrl;

  @Column(name = "target_url")
  private String targetUrl;

  @Column(name = "impressions_count", nullable = false)
  private long impressionsCount;

  @Column(name = "clicks_count", nullable = false)
  private long clicksCount;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected Ad() {
  }

  public Long getId() {
    return id;
  }

  public Campaign getCampaign() {
    return campaign;
  }

  public String getName() {
    return name;
  }

  public long getImpressionsCount() {
    return impressionsCount;
  }

  public long getClicksCount() {
    return clicksCount;
  }
}
