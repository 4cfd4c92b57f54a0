package io.citushibernate.boot;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cache.internal.NoCachingRegionFactory;
import org.hibernate.cache.internal.RegionFactoryInitiator;
import org.hibernate.cache.spi.RegionFactory;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Puts {@link TenantScopedRegionFactory} around whatever cache region factory the application
 * configured, so the query cache keeps tenants apart. Found by Hibernate through
 * {@code META-INF/services}.
 */
public final class TenantScopedCacheServiceContributor implements ServiceContributor {
  @Override
  public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
    serviceRegistryBuilder.addInitiator(new Initiator());
  }

  private static final class Initiator implements StandardServiceInitiator<RegionFactory> {
    @Override
    public Class<RegionFactory> getServiceInitiated() {
      return RegionFactory.class;
    }

    @Override
    public RegionFactory initiateService(Map<String, Object> configurationValues, ServiceRegistryImplementor registry) {
      RegionFactory factory = RegionFactoryInitiator.INSTANCE.initiateService(configurationValues, registry);
      // Hibernate recognises "no caching" by this class: it stays as it is
      if (factory == null || factory instanceof NoCachingRegionFactory || CitusSettings.isDisabled(configurationValues)) {
        return factory;
      }
      return new TenantScopedRegionFactory(factory);
    }
  }
}
