package io.citushibernate.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** An ad of a campaign; the tenant key is a many-to-one to the company. */
@Entity
@Table(name = "ads")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Ad {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ads_seq")
  @SequenceGenerator(name = "ads_seq", sequenceName = "ads_seq", allocationSize = 50)
  private Long id;

  @TenantKey
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "company_id", nullable = false, updatable = false)
  private Company company;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "campaign_id", nullable = false)
  private Campaign campaign;

  @Column(nullable = false)
  private String name;

  @Column(name = "image_url", nullable = false)
  private String imageUrl = "https://example.com/ad.png";

  @Column(name = "target_url", nullable = false)
  private String targetUrl = "https://example.com";

  @Column(name = "impressions_count", nullable = false)
  private long impressionsCount;

  @Column(name = "clicks_count", nullable = false)
  private long clicksCount;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt = LocalDateTime.of(2024, 1, 1, 0, 0);

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt = LocalDateTime.of(2024, 1, 1, 0, 0);

  protected Ad() {
  }

  public Ad(Campaign campaign, String name, long impressionsCount, long clicksCount) {
    this.campaign = campaign;
    this.name = name;
    this.impressionsCount = impressionsCount;
    this.clicksCount = clicksCount;
  }

  public Long getId() {
    return id;
  }

  public Company getCompany() {
    return company;
  }

  public void setCompany(Company company) {
    this.company = company;
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
