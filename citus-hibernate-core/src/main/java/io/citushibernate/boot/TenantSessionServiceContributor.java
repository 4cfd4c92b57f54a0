package io.citushibernate.boot;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.resource.transaction.internal.TransactionCoordinatorBuilderInitiator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Puts {@link TenantSessionCoordinatorBuilder} around whatever transaction coordinator builder the
 * application configured (JDBC or JTA), so that citus-hibernate sees every session open. Found by
 * Hibernate through {@code META-INF/services}.
 */
public final class TenantSessionServiceContributor implements ServiceContributor {
  @Override
  public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
    serviceRegistryBuilder.addInitiator(new Initiator());
  }

  private static final class Initiator implements StandardServiceInitiator<TransactionCoordinatorBuilder> {
    @Override
    public Class<TransactionCoordinatorBuilder> getServiceInitiated() {
      return TransactionCoordinatorBuilder.class;
    }

    @Override
    public TransactionCoordinatorBuilder initiateService(Map<String, Object> configurationValues,
        ServiceRegistryImplementor registry) {
      TransactionCoordinatorBuilder builder =
          TransactionCoordinatorBuilderInitiator.INSTANCE.initiateService(configurationValues, registry);
      return CitusSettings.isDisabled(configurationValues) ? builder : new TenantSessionCoordinatorBuilder(builder);
    }
  }
}
