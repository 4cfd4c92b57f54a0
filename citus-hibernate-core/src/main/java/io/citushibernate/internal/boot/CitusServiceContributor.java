package io.citushibernate.internal.boot;

import io.citushibernate.boot.CitusPostgreSQLDialect;
import io.citushibernate.internal.config.SettingValues;
import io.citushibernate.internal.cache.TenantScopedRegionFactory;
import java.util.Map;
import java.util.function.BiFunction;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cache.internal.NoCachingRegionFactory;
import org.hibernate.cache.internal.RegionFactoryInitiator;
import org.hibernate.cache.spi.RegionFactory;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.internal.DialectFactoryInitiator;
import org.hibernate.engine.jdbc.dialect.spi.DialectFactory;
import org.hibernate.resource.transaction.internal.TransactionCoordinatorBuilderInitiator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.service.Service;
import org.hibernate.service.spi.Configurable;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Puts citus-hibernate around three of the services the application configured, each built by
 * Hibernate's own initiator first. Found by Hibernate through {@code META-INF/services}; with
 * {@code citus.hibernate.enabled=false} every service stays as Hibernate built it.
 *
 * <ul>
 *   <li>the cache region factory: {@link TenantScopedRegionFactory}, so the query cache keeps
 *       tenants apart (Hibernate's "no caching" factory stays as it is: it is recognised by class);
 *   <li>the transaction coordinator builder: {@link TenantSessionCoordinatorBuilder}, which sees
 *       every session open;
 *   <li>the dialect: {@link CitusPostgreSQLDialect} where Hibernate picked its plain PostgreSQL
 *       dialect.
 * </ul>
 */
public final class CitusServiceContributor implements ServiceContributor {
  @Override
  public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
    serviceRegistryBuilder.addInitiator(new Around<>(RegionFactory.class, RegionFactoryInitiator.INSTANCE,
        (factory, settings) -> factory instanceof NoCachingRegionFactory ? factory : new TenantScopedRegionFactory(factory)));
    serviceRegistryBuilder.addInitiator(new Around<>(TransactionCoordinatorBuilder.class,
        TransactionCoordinatorBuilderInitiator.INSTANCE, (builder, settings) -> new TenantSessionCoordinatorBuilder(builder)));
    serviceRegistryBuilder.addInitiator(new Around<>(DialectFactory.class, DialectFactoryInitiator.INSTANCE,
        (factory, settings) -> (DialectFactory) (configured, info) -> citusReady(factory.buildDialect(configured, info))));
  }

  /** Hibernate's own PostgreSQL dialect becomes the Citus one; any other dialect stays. */
  private static Dialect citusReady(Dialect dialect) {
    return dialect != null && dialect.getClass() == PostgreSQLDialect.class
        ? new CitusPostgreSQLDialect(dialect.getVersion()) : dialect;
  }

  /** Builds a service with Hibernate's initiator, then wraps it. */
  private static final class Around<S extends Service> implements StandardServiceInitiator<S> {
    private final Class<S> role;
    private final StandardServiceInitiator<S> hibernate;
    private final BiFunction<S, Map<String, Object>, S> wrap;

    Around(Class<S> role, StandardServiceInitiator<S> hibernate, BiFunction<S, Map<String, Object>, S> wrap) {
      this.role = role;
      this.hibernate = hibernate;
      this.wrap = wrap;
    }

    @Override
    public Class<S> getServiceInitiated() {
      return role;
    }

    /**
     * The registry injects and configures the service an initiator returns, which is the wrapper;
     * so the wrapped service gets both here, before it is wrapped (a JTA coordinator builder and
     * the dialect factory need the registry). Starting and stopping stay with the wrapper.
     */
    @Override
    public S initiateService(Map<String, Object> configurationValues, ServiceRegistryImplementor registry) {
      S service = hibernate.initiateService(configurationValues, registry);
      if (service == null || SettingValues.isDisabled(configurationValues)) {
        return service;
      }
      if (service instanceof ServiceRegistryAwareService aware) {
        aware.injectServices(registry);
      }
      if (service instanceof Configurable configurable) {
        configurable.configure(configurationValues);
      }
      return wrap.apply(service, configurationValues);
    }
  }
}
