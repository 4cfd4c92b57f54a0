package io.citushibernate.benchmarks.tenantid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.TenantId;

/** A campaign, its tenant a {@code @TenantId} column; the same columns the fixtures' Campaign maps. */
@Entity
@Table(name = "campaigns")
public class Campaign {
  @Id
  private Long id;

  @TenantId
  @Column(name = "company_id", nullable = false, updatable = false)
  private Long companyId;

  @Column(nullable = false)
  private String name;

  @Column(name = "cost_model", nullable = false)
  private String costModel;

  @Column(nullable = false)
  private String state;

  @Column(name = "monthly_budget")
  private Integer monthlyBudget;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

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

  public Integer getMonthlyBudget() {
    return monthlyBudget;
  }

  public List<Ad> getAds() {
    return ads;
  }
}
