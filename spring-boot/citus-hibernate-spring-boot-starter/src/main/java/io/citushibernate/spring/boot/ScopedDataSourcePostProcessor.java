package io.citushibernate.spring.boot;

import io.citushibernate.jdbc.TenantScopedDataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Puts a {@link TenantScopedDataSource} in front of every {@code DataSource} bean, so that
 * {@code JdbcTemplate}, {@code JdbcClient}, jOOQ or MyBatis are scoped like Hibernate. Hibernate gets
 * the same wrapped bean (its statements are scoped once, by Hibernate), so plain JDBC inside a
 * {@code @Transactional} method shares the entity manager's connection and transaction.
 *
 * <p>Liquibase is the application's start-up migration, deliberate cross-tenant work: it runs on
 * the pool itself, and the wrapper reads Citus' catalog again once it is done.
 */
final class ScopedDataSourcePostProcessor implements BeanPostProcessor, EnvironmentAware, BeanFactoryAware {
  /** Each wrapper and the pool it wraps, for the migrations that must run on the pool. */
  private final Map<DataSource, DataSource> pools = new ConcurrentHashMap<>();
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
    if (LiquibaseMigrations.isMigration(bean)) {
      LiquibaseMigrations.runOnPool(bean, pools);
    }
    return bean;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (LiquibaseMigrations.isMigration(bean)) {
      // the migration may have created and distributed tables: read the catalog again before the next statement
      pools.keySet().forEach(wrapper -> ((TenantScopedDataSource) wrapper).refreshTenantTables());
      return bean;
    }
    if (bean instanceof DataSource pool && !(bean instanceof TenantScopedDataSource)) {
      CitusHibernateProperties properties = CitusHibernateProperties.bind(environment);
      if (Boolean.FALSE.equals(properties.getEnabled()) || !properties.getJdbc().isScopeDataSource()) {
        return bean;
      }
      // the wrapper reads the settings that apply to it (see TenantScopedDataSource.Builder#setting) and no others
      Map<String, Object> settings = new HashMap<>(properties.hibernateSettings());
      ApplicationMeterRegistry.addTo(settings, beanFactory);
      TenantScopedDataSource scoped = TenantScopedDataSource.wrap(pool).settings(settings).build();
      pools.put(scoped, pool);
      return scoped;
    }
    return bean;
  }
}
