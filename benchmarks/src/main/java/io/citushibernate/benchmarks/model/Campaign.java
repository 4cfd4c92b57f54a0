package io.citushibernate.benchmarks.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A company's campaign; the tenant key is a basic attribute. Ids are assigned by the bulk loader
 * (campaigns are never inserted by the workload).
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
  private String costModel = "cost_per_click";

  @Column(nullable = false)
  private String state = "running";

  @Column(name = "monthly_budget")
  private Integer monthlyBudget;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt = LocalDateTime.of(2024, 1, 1, 0, 0);

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt = LocalDateTime.of(2024, 1, 1, 0, 0);

  @OneToMany(mappedBy = "campaign")
  private List<Ad> ads = new ArrayList<>();

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

  public String getState() {
    return state;
  }

  public Integer getMonthlyBudget() {
    return monthlyBudget;
  }

  public void setMonthlyBudget(Integer monthlyBudget) {
    this.monthlyBudget = monthlyBudget;
  }

  public List<Ad> getAds() {
    return ads;
  }
}
