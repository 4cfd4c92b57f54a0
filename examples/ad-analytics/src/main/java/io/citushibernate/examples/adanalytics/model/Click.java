package io.citushibernate.examples.adanalytics.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.LocalDateTime;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A click on an ad. user_data is JSONB: its keys differ from tenant to tenant. */
@Entity
@Table(name = "clicks")
public class Click {
  @Id
  private Long id;

  @TenantKey
  @Column(name = "company_id", nullable = false, updatable = false)
  private Long companyId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ad_id", nullable = false)
  private Ad ad;

  @Column(name = "clicked_at", nullable = false)
  private LocalDateTime clickedAt;

  @Column(name = "site_url", nullable = false)
  private String siteUrl;

  @Column(name = "cost_per_click_usd", precision = 20, scale = 10)
  private BigDecimal costPerClickUsd;

  @JdbcTypeCode(SqlTypes.INET)
  @Column(name = "user_ip", nullable = false)
  private InetAddress userIp;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "user_data", nullable = false)
  private Map<String, Object> userData;

  protected Click() {
  }

  public Long getId() {
    return id;
  }

  public Ad getAd() {
    return ad;
  }

  public InetAddress getUserIp() {
    return userIp;
  }

  public Map<String, Object> getUserData() {
    return userData;
  }
}
