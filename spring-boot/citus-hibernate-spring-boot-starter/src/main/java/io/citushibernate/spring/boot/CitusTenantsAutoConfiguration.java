package io.citushibernate.spring.boot;

import io.citushibernate.tenancy.CitusTenants;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;

/**
 * Schema-per-tenant ({@code citus.hibernate.tenancy=schema}): the application's tenants as a
 * {@link CitusTenants} bean, to create, list, move and drop them. After Hibernate's
 * auto-configuration, so that the entity manager factory it builds is known; not the
 * auto-configuration that runs before it ({@link CitusHibernateAutoConfiguration}) for that reason.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
    "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnClass({EntityManagerFactory.class, EntityManagerFactoryInfo.class})
@Conditional(CitusTenantsAutoConfiguration.SchemaTenancy.class)
public class CitusTenantsAutoConfiguration {

  /**
   * The tenants of the application's (primary) entity manager factory (Spring's proxy of it:
   * {@code CitusTenants.of} reaches the native factory Hibernate built).
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnSingleCandidate(EntityManagerFactory.class)
  CitusTenants citusTenants(EntityManagerFactory entityManagerFactory) {
    return CitusTenants.of(entityManagerFactory.unwrap(SessionFactory.class));
  }

  /** {@code citus.hibernate.tenancy} is {@code schema}, read as the core reads it. */
  static final class SchemaTenancy implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      CitusHibernateProperties properties = CitusHibernateProperties.bind(context.getEnvironment());
      return !Boolean.FALSE.equals(properties.getEnabled()) && properties.schemaTenancy();
    }
  }
}
