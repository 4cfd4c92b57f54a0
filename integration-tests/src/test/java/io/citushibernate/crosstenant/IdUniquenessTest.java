package io.citushibernate.crosstenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.annotation.TenantKey;
import io.citushibernate.internal.mapping.TenantModel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Test;

/** Which entities' ids may repeat across tenants, as decided at boot from the mapping model. */
class IdUniquenessTest {
  @Test
  void assignedIdsMayRepeatGeneratedOnesDoNot() {
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
        .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
        .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
        .build();
    try {
      TenantModel model = TenantModel.of(new MetadataSources(registry)
          .addAnnotatedClasses(Category.class, Project.class, Tag.class, Task.class, Remark.class,
              Identity.class, Uuid.class)
          .buildMetadata());

      assertThat(model.attributeOf(Identity.class.getName())).isNotNull(); // tenant entities, all of them
      assertThat(model.attributeOf(Uuid.class.getName())).isNotNull();
      assertThat(model.idsMayRepeatAcrossTenants(Project.class.getName())).isTrue();
      assertThat(model.idsMayRepeatAcrossTenants(Task.class.getName())).isFalse(); // sequence
      assertThat(model.idsMayRepeatAcrossTenants(Identity.class.getName())).isFalse();
      assertThat(model.idsMayRepeatAcrossTenants(Uuid.class.getName())).isFalse();
      assertThat(model.idsMayRepeatAcrossTenants(Category.class.getName())).isFalse(); // a reference table
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  /** An identity column. */
  @Entity(name = "IdentityIds")
  static class Identity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @TenantKey
    @Column(name = "tenant_id", nullable = false, updatable = false)
    Long tenantId;
  }

  /** Hibernate's UUID generator, on the getter. */
  @Entity(name = "UuidIds")
  static class Uuid {
    private UUID id;
    private Long tenantId;

    @Id
    @UuidGenerator
    UUID getId() {
      return id;
    }

    void setId(UUID id) {
      this.id = id;
    }

    @TenantKey
    @Column(name = "tenant_id", nullable = false, updatable = false)
    Long getTenantId() {
      return tenantId;
    }

    void setTenantId(Long tenantId) {
      this.tenantId = tenantId;
    }
  }
}
