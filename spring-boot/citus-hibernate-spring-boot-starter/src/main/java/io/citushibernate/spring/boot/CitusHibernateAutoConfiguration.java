package io.citushibernate.spring.boot;

import io.citushibernate.spring.dao.CitusExceptionTranslator;
import io.citushibernate.spring.task.TenantTaskDecorator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * citus-hibernate in a Spring Boot application: {@code citus.hibernate.*} handed to Hibernate,
 * the application's DataSource wrapped so that plain JDBC clients are scoped too, the library's
 * exceptions translated into specific {@code DataAccessException}s, and the tenant carried into
 * {@code @Async} and every Spring executor. The core itself needs no configuration:
 * Hibernate finds its integrator on the classpath.
 *
 * <p>Referenced by class name so that one starter source works with Spring Boot 3 and 4, whose
 * Hibernate auto-configuration lives in different packages.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
    "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@EnableConfigurationProperties(CitusHibernateProperties.class)
public class CitusHibernateAutoConfiguration {

  /** The tenant in every task of Spring's executors; composed with the application's own decorator. */
  @Bean
  @ConditionalOnMissingBean(TaskDecorator.class)
  TenantTaskDecorator citusTenantTaskDecorator() {
    return new TenantTaskDecorator();
  }

  @Bean
  static TaskDecoratorPostProcessor citusTaskDecoratorPostProcessor() {
    return new TaskDecoratorPostProcessor();
  }

  /** Every JDBC client on the application's DataSource scoped like Hibernate ({@code citus.hibernate.jdbc.scope-data-source}). */
  @Bean
  static ScopedDataSourcePostProcessor citusScopedDataSourcePostProcessor() {
    return new ScopedDataSourcePostProcessor();
  }

  /** JPA: the settings, and the library's exceptions as specific DataAccessExceptions. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({LocalContainerEntityManagerFactoryBean.class, PersistenceExceptionTranslator.class})
  static class Jpa {
    @Bean
    static HibernateSettingsPostProcessor citusHibernateSettingsPostProcessor() {
      return new HibernateSettingsPostProcessor();
    }

    @Bean
    CitusExceptionTranslator citusExceptionTranslator() {
      return new CitusExceptionTranslator();
    }
  }
}
