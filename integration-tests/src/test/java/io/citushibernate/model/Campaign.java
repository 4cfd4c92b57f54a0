package io.citushibernate.model;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A company's campaign; the tenant key is a basic attribute. */
@Entity
@Table(name = "campaigns")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Campaign {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaigns_seq")
  @SequenceGenerator(name = "campaigns_seq", sequenceName = "campaigns_seq", allocationSize = 50)
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
  @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
  private List<Ad> ads = new ArrayList<>();

  protected Campaign() {
  }

  public Campaign(String name, String state, Integer monthlyBudget) {
    this.name = name;
    this.state = state;
    this.monthlyBudget = monthlyBudget;
  }

  public Long getId() {
    return id;
  }

  public Long getCompanyId() {
    return companyId;
  }

  public void setCompanyId(Long companyId) {
    this.companyId = companyId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
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
