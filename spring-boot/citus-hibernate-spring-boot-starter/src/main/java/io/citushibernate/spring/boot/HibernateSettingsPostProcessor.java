package io.citushibernate.spring.boot;

import io.citushibernate.spring.dao.CitusJpaDialect;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Hands {@code citus.hibernate.*} (and the application's {@code MeterRegistry}, if any) to every entity manager
 * factory Spring builds, and puts the
 * translating {@link CitusJpaDialect} in front of the provider's dialect. A post-processor of
 * Spring ORM's factory bean, not a Boot customizer: the customizer interface moved package between
 * Boot 3 and 4, the factory bean did not.
 */
final class HibernateSettingsPostProcessor implements BeanPostProcessor, EnvironmentAware, BeanFactoryAware {
  private Environment environment;
  private BeanFactory beanFactory;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof LocalContainerEntityManagerFactoryBean factory) {
      CitusHibernateProperties properties = CitusHibernateProperties.bind(environment);
      addSettings(factory.getJpaPropertyMap(), properties.hibernateSettings(), beanName);
      ApplicationMeterRegistry.addTo(factory.getJpaPropertyMap(), beanFactory);
      JpaDialect dialect = factory.getJpaDialect() != null ? factory.getJpaDialect()
          : factory.getJpaVendorAdapter() != null ? factory.getJpaVendorAdapter().getJpaDialect() : null;
      if (dialect != null && !(dialect instanceof CitusJpaDialect)) {
        factory.setJpaDialect(new CitusJpaDialect(dialect));
      }
    }
    return bean;
  }

  /** Adds the settings; one also set differently in spring.jpa.properties is a conflict, not a silent choice. */
  static void addSettings(Map<String, Object> jpaProperties, Map<String, String> settings, String factoryName) {
    settings.forEach((name, value) -> {
      Object existing = jpaProperties.putIfAbsent(name, value);
      if (existing != null && !Objects.equals(existing.toString(), value)) {
        throw new IllegalStateException("Hibernate setting " + name + " is set twice for entity manager factory '"
            + factoryName + "': '" + existing + "' in spring.jpa.properties and '" + value
            + "' under citus.hibernate; keep one of them");
      }
    });
  }
}
