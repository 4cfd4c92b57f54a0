package io.citushibernate.internal.jdbc;

import io.citushibernate.internal.metrics.StatementMetrics;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.service.spi.Configurable;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.service.spi.Startable;
import org.hibernate.service.spi.Stoppable;

/**
 * The application's connection provider, with {@link TenantBinding} on every connection it hands
 * out. Lifecycle calls go to the wrapped provider.
 */
final class TenantBindingConnectionProvider implements ConnectionProvider, Configurable,
    ServiceRegistryAwareService, Startable, Stoppable {
  private static final long serialVersionUID = 1L;

  private final ConnectionProvider delegate;
  /** The routing guard's level, {@code null} when off. */
  private final String routingGuard;
  /**
   * Whether the session factory serves sessions. Before, the connections are Hibernate's own
   * bootstrap (JDBC metadata, sequence information): library work, which a tenant-scoping data
   * source would otherwise refuse while it knows no tenant tables yet (plain PostgreSQL, before the
   * mapping is handed to it).
   */
  private volatile boolean serving;
  /** Where the statements its connections refuse as they are prepared or bound are counted. */
  private volatile StatementMetrics metrics = StatementMetrics.NONE;
  /** Schema-per-tenant, once the session factory is configured for it; {@code null} in the row model. */
  private volatile SchemaTenancy schemas;

  TenantBindingConnectionProvider(ConnectionProvider delegate, String routingGuard) {
    this.delegate = delegate;
    this.routingGuard = routingGuard;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = TenantBinding.wrap(delegate.getConnection(), routingGuard, metrics, schemas);
    if (!serving) {
      TenantBinding.markLibraryWork(connection);
    }
    return connection;
  }

  void countRefusals(StatementMetrics refusals) {
    metrics = refusals;
  }

  /** The session factory is built: its connections carry sessions' statements from now on. */
  void startServing() {
    serving = true;
  }

  /** Runs the statements of connections handed out from now on in their tenant's schema. */
  void useSchemaTenancy(SchemaTenancy tenancy) {
    schemas = tenancy;
  }

  @Override
  public void closeConnection(Connection connection) throws SQLException {
    delegate.closeConnection(TenantBinding.release(connection));
  }

  @Override
  public boolean supportsAggressiveRelease() {
    return delegate.supportsAggressiveRelease();
  }

  @Override
  public DatabaseConnectionInfo getDatabaseConnectionInfo(Dialect dialect) {
    return delegate.getDatabaseConnectionInfo(dialect);
  }

  @Override
  public boolean isUnwrappableAs(Class<?> unwrapType) {
    return unwrapType.isInstance(this) || delegate.isUnwrappableAs(unwrapType);
  }

  @Override
  public <T> T unwrap(Class<T> unwrapType) {
    return unwrapType.isInstance(this) ? unwrapType.cast(this) : delegate.unwrap(unwrapType);
  }

  @Override
  public void configure(Map<String, Object> configurationValues) {
    if (delegate instanceof Configurable configurable) {
      configurable.configure(configurationValues);
    }
  }

  @Override
  public void injectServices(ServiceRegistryImplementor serviceRegistry) {
    if (delegate instanceof ServiceRegistryAwareService aware) {
      aware.injectServices(serviceRegistry);
    }
  }

  @Override
  public void start() {
    if (delegate instanceof Startable startable) {
      startable.start();
    }
  }

  @Override
  public void stop() {
    if (delegate instanceof Stoppable stoppable) {
      stoppable.stop();
    }
  }
}
