package io.citushibernate.benchmarks.tenantid;

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
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * A click, the entity the workload inserts: Hibernate fills the {@code @TenantId} column from the
 * session's tenant. The values are those of the fixtures' Click.
 */
@Entity
@Table(name = "clicks")
public class Click {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "clicks_seq")
  @SequenceGenerator(name = "clicks_seq", sequenceName = "clicks_seq", allocationSize = 50)
  private Long id;

  @TenantId
  @Column(name = "company_id", nullable = false, updatable = false)
  private Long companyId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ad_id", nullable = false)
  private Ad ad;

  @Column(name = "site_url", nullable = false)
  private String siteUrl = "https://example.org";

  @Column(name = "user_ip", nullable = false)
  private String userIp = "10.0.0.1";

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "user_data", nullable = false, columnDefinition = "jsonb")
  private Map<String, Object> userData;

  @Column(name = "clicked_at", nullable = false)
  private LocalDateTime clickedAt = LocalDateTime.of(2024, 1, 1, 0, 0);

  @Column(name = "cost_per_click_usd", nullable = false)
  private double costPerClickUsd = 0.25;

  protected Click() {
  }

  public Click(Ad ad, Map<String, Object> userData) {
    this.ad = ad;
    this.userData = userData;
  }

  public Long getId() {
    return id;
  }

  public Long getCompanyId() {
    return companyId;
  }
}
