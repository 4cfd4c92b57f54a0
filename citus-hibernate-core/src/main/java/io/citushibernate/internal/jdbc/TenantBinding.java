package io.citushibernate.internal.jdbc;

import io.citushibernate.internal.metrics.StatementMetrics;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Binds the tenant into statements whose SQL carries a {@link TenantBindingPlan}: wraps a
 * connection so that {@code prepareStatement} prepares the tenant-independent SQL, binds the
 * current tenant to its placeholders and shifts the application's parameter indexes past them.
 * Statements without a plan pass through unchanged.
 */
public final class TenantBinding {
  private TenantBinding() {
  }

  /** {@code connection}, binding tenants into the statements it prepares; no routing guard. */
  public static Connection wrap(Connection connection) {
    return wrap(connection, null);
  }

  /**
   * {@code connection}, binding tenants into the statements it prepares, with the routing guard at
   * {@code routingGuard} ({@code null}: off). A connection of a tenant-scoping data source binds
   * already and keeps its own guard: it is returned as it is, so nothing is bound twice.
   */
  public static Connection wrap(Connection connection, String routingGuard) {
    return wrap(connection, routingGuard, StatementMetrics.NONE, null);
  }

  /**
   * As {@link #wrap(Connection, String)}, counting the statements refused as they are prepared or bound in
   * {@code metrics}, and running each statement in its tenant's schema when {@code schemas} is set.
   */
  static Connection wrap(Connection connection, String routingGuard, StatementMetrics metrics, SchemaTenancy schemas) {
    if (connection == null || connection instanceof TenantBindingConnection) {
      return connection;
    }
    return new TenantBindingConnection(connection, null, RoutingGuard.of(routingGuard), metrics, SchemaPath.of(schemas));
  }

  /** Counts the statements that {@code provider}'s connections refuse as they are prepared or bound in {@code metrics}. */
  public static void countRefusals(org.hibernate.engine.jdbc.connections.spi.ConnectionProvider provider,
      StatementMetrics metrics) {
    if (provider != null && provider.isUnwrappableAs(TenantBindingConnectionProvider.class)) {
      provider.unwrap(TenantBindingConnectionProvider.class).countRefusals(metrics);
    }
  }

  /** Whether connections from {@code provider} bind tenants. */
  public static boolean isInstalled(org.hibernate.engine.jdbc.connections.spi.ConnectionProvider provider) {
    return provider != null && provider.isUnwrappableAs(TenantBindingConnectionProvider.class);
  }

  /** The connection {@link #wrap} wrapped, or {@code connection} itself (also a tenant-scoping data source's). */
  public static Connection unwrap(Connection connection) {
    return connection instanceof TenantBindingConnection bound && !bound.isScoping() ? bound.target() : connection;
  }

  /**
   * The connection to give back to the connection provider {@code connection} came from, once it
   * is done with: the routing guard restored, then the connection {@link #wrap} wrapped; a
   * tenant-scoping data source's connection restores its guard as it is closed.
   */
  public static Connection release(Connection connection) throws SQLException {
    if (connection instanceof TenantBindingConnection bound && !bound.isScoping()) {
      bound.beforeRelease();
      return bound.target();
    }
    return connection;
  }

  /**
   * Tells {@code provider}'s connections that Hibernate's bootstrap is over: from now on they carry
   * sessions' statements, scoped, not Hibernate's own metadata reads.
   */
  public static void startServing(org.hibernate.engine.jdbc.connections.spi.ConnectionProvider provider) {
    if (provider != null && provider.isUnwrappableAs(TenantBindingConnectionProvider.class)) {
      provider.unwrap(TenantBindingConnectionProvider.class).startServing();
    }
  }

  /**
   * Runs the statements of {@code provider}'s connections in schema-per-tenant mode from now on:
   * each in the schema of its tenant, those on tenant tables refused without one.
   *
   * @return whether {@code provider} wraps its connections, so that it can
   */
  public static boolean useSchemaTenancy(org.hibernate.engine.jdbc.connections.spi.ConnectionProvider provider,
      SchemaTenancy schemas) {
    if (!isInstalled(provider)) {
      return false;
    }
    provider.unwrap(TenantBindingConnectionProvider.class).useSchemaTenancy(schemas);
    return true;
  }

  /** Marks {@code connection} as running citus-hibernate's own schema or catalog work: unscoped, routing guard lifted. */
  public static void markLibraryWork(Connection connection) {
    if (connection instanceof TenantBindingConnection bound) {
      bound.markLibraryWork();
    }
  }
}
