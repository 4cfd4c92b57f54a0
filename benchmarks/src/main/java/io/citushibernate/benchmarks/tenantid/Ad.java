package io.citushibernate.benchmarks.tenantid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.TenantId;

/**
 * An ad, its tenant a {@code @TenantId} column where the fixtures' Ad has a many-to-one to the
 * company: the same column, company_id.
 */
@Entity
@Table(name = "ads")
public class Ad {
  @Id
  private Long id;

  @TenantId
  @Column(name = "company_id", nullable = false, updatable = false)
  private Long companyId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "campaign_id", nullable = false)
  private Campaign campaign;

  @Column(nullable = false)
  private String name;

  @Column(name = "image_url", nullable = false)
  private String imageUrl;

  @Column(name = "target_url", nullable = false)
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
}
