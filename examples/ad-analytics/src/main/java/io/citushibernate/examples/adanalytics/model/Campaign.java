package io.citushibernate.examples.adanalytics.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A company's campaign. The table's primary key is (company_id, id); Hibernate only needs the id,
 * citus-hibernate adds the company_id predicate to every statement.
 */
@Entity
@Table(name = "campaigns")
public class Campaign {
  @Id
  private Long id;

  @TenantKey
  @Column(name = "company_id", nullable = false, updatable = false)
  private Long companyId;

  @Column(nullable = false)
  private String name;

  @Column(name = "cost_model", nullable = false)
  private String costModel;

  @Column(nullable = false)
  private String state;

  @Column(name = "monthly_budget")
  private Long monthlyBudget;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "blacklisted_site_urls")
  private List<String> blacklistedSiteUrls;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected Campaign() {
  }

  public Long getId() {
    return id;
  }

  public Long getCompanyId() {
    return companyId;
  }

  public String getName() {
    return name;
  }

  public String getCostModel() {
    return costModel;
  }

  public String getState() {
    return state;
  }

  public Long getMonthlyBudget() {
    return monthlyBudget;
  }

  public List<String> getBlacklistedSiteUrls() {
    return blacklistedSiteUrls;
  }
}
