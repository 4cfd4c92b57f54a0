package io.citushibernate.testkit.model;

import io.citushibernate.annotation.TenantKey;
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

/** An ad of a campaign, distributed by company_id. */
@Entity
@Table(name = "ads")
public class Ad {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ads_seq")
  @SequenceGenerator(name = "ads_seq", sequenceName = "ads_seq", allocationSize = 50)
  private Long id;

  @TenantKey
  @Column(name = "company_id", nullable = false, updatable = false)
  private Long companyId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "campaign_id", nullable = false)
  private Campaign campaign;

  @Column(nullable = false)
  private String name;

  @Column(name = "clicks_count", nullable = false)
  private long clicksCount;

  protected Ad() {
  }

  public Ad(Campaign campaign, String name) {
    this.campaign = campaign;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public Long getCompanyId() {
    return companyId;
  }

  public Campaign getCampaign() {
    return campaign;
  }

  public String getName() {
    return name;
  }
}
