package io.citushibernate.crosstenant;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Generated ids, unique across tenants; a lazy many-to-one to a project (assigned ids), a
 * many-to-many to tags, an element collection and a one-to-many to remarks.
 */
@Entity
@Table(name = "ct_tasks")
public class Task {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @TenantKey
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Column(nullable = false)
  private String title;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "project_id", nullable = false)
  private Project project;

  @ManyToMany
  @JoinTable(name = "ct_task_tags", joinColumns = @JoinColumn(name = "task_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_id"))
  private Set<Tag> tags = new LinkedHashSet<>();

  @ElementCollection
  @CollectionTable(name = "ct_task_labels", joinColumns = @JoinColumn(name = "task_id"))
  @Column(name = "label", nullable = false)
  private Set<String> labels = new LinkedHashSet<>();

  @OneToMany(mappedBy = "task")
  private List<Remark> remarks = new ArrayList<>();

  protected Task() {
  }

  public Task(String title, Project project) {
    this.title = title;
    this.project = project;
  }

  public Long getId() {
    return id;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public String getTitle() {
    return title;
  }

  public Project getProject() {
    return project;
  }

  public Set<Tag> getTags() {
    return tags;
  }

  public Set<String> getLabels() {
    return labels;
  }

  public List<Remark> getRemarks() {
    return remarks;
  }
}
