package io.citushibernate.tenantid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** An entity using Hibernate's own {@code @TenantId}: honoured as a tenant key. */
@Entity
@Table(name = "memos")
public class Memo {
  @Id
  @GeneratedValue
  private Long id;

  @TenantId
  @Column(name = "company_id", nullable = false, updatable = false)
  private Long companyId;

  private String text;

  protected Memo() {
  }

  public Memo(String text) {
    this.text = text;
  }

  public Long getCompanyId() {
    return companyId;
  }

  public String getText() {
    return text;
  }
}
