package io.citushibernate.spring.boot;

import io.citushibernate.jdbc.TenantScopedDataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>Schema-per-tenant ({@code citus.hibernate.tenancy=schema}) leaves every DataSource as it is:
 * the wrapper scopes by the row model's tenant column, and the core refuses to run schema mode on
 * it. Plain JDBC then gets what the pool gives: inside a JPA transaction it shares Hibernate's
 * connection, which runs each statement in the current tenant's schema (and refuses statements on
 * tenant tables without a tenant); outside one, a pool connection on the database's default
 * {@code search_path}, where no tenant table exists, so a statement on one fails instead of
 * reading a tenant's rows.
 *
 * <p>Liquibase is the application's start-up migration, deliberate cross-tenant work: it runs on
 * the pool itself, and the wrapper reads Citus' catalog again once it is done.
 */
final class ScopedDataSourcePostProcessor implements BeanPostProcessor, EnvironmentAware, BeanFactoryAware {
  private static final Logger LOG = LoggerFactory.getLogger(ScopedDataSourcePostProcessor.class);
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
      if (properties.schemaTenancy()) {
        LOG.info("citus.hibernate.tenancy=schema: DataSource '{}' is not wrapped; plain JDBC runs in the tenant's "
            + "schema only inside a JPA transaction (Hibernate's connection), elsewhere on the database's default "
            + "search_path, where tenant tables do not exist", beanName);
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
