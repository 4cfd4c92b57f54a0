package io.citushibernate.internal.jdbc;

import io.citushibernate.internal.config.SettingValues;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.connections.internal.ConnectionProviderInitiator;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Puts {@link TenantBinding} between Hibernate and whatever connection provider the application
 * configured (a DataSource, HikariCP, Hibernate's own pool), so tenants can travel as bind
 * parameters. Found by Hibernate through {@code META-INF/services}.
 */
public final class TenantBindingServiceContributor implements ServiceContributor {
  @Override
  public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
    serviceRegistryBuilder.addInitiator(new Initiator());
  }

  private static final class Initiator implements StandardServiceInitiator<ConnectionProvider> {
    @Override
    public Class<ConnectionProvider> getServiceInitiated() {
      return ConnectionProvider.class;
    }

    @Override
    public ConnectionProvider initiateService(Map<String, Object> configurationValues,
        ServiceRegistryImplementor registry) {
      ConnectionProvider provider = ConnectionProviderInitiator.INSTANCE.initiateService(configurationValues, registry);
      if (provider == null || SettingValues.isDisabled(configurationValues)) {
        return provider;
      }
      return new TenantBindingConnectionProvider(provider, SettingValues.routingGuard(configurationValues));
    }
  }
}
