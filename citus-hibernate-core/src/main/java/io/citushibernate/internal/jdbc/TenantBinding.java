package io.citushibernate.internal.jdbc;

import java.sql.Connection;

/**
 * Binds the tenant into statements whose SQL carries a {@link TenantBindingPlan}: wraps a
 * connection so that {@code prepareStatement} prepares the tenant-independent SQL, binds the
 * current tenant to its placeholders and shifts the application's parameter indexes past them.
 * Statements without a plan pass through unchanged.
 */
public final class TenantBinding {
  private TenantBinding() {
  }

  /** {@code connection}, binding tenants into the statements it prepares. */
  public static Connection wrap(Connection connection) {
    if (connection == null || connection instanceof TenantBindingConnection) {
      return connection;
    }
    return new TenantBindingConnection(connection);
  }

  /** Whether connections from {@code provider} bind tenants. */
  public static boolean isInstalled(org.hibernate.engine.jdbc.connections.spi.ConnectionProvider provider) {
    return provider != null && provider.isUnwrappableAs(TenantBindingConnectionProvider.class);
  }

  /** The connection {@link #wrap} wrapped, or {@code connection} itself. */
  public static Connection unwrap(Connection connection) {
    return connection instanceof TenantBindingConnection bound ? bound.target() : connection;
  }
}
