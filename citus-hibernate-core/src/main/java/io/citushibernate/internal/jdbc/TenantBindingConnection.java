package io.citushibernate.internal.jdbc;

import io.citushibernate.UnscopableStatementException;
import io.citushibernate.internal.jdbc.delegate.DelegatingConnection;
import io.citushibernate.internal.metrics.StatementMetrics;
import io.citushibernate.tenant.TenantContext;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection whose {@code prepareStatement} and {@code prepareCall} bind the current tenant into
 * statements that carry a {@link TenantBindingPlan}, and whose statements refuse such SQL given as
 * text, which they cannot bind. Runs the transactions of cross-tenant scopes sequentially
 * ({@link CrossTenantModifyMode}) and keeps the routing guard ({@link RoutingGuard}). On a
 * tenant-scoping data source it also scopes every statement first ({@link DataSourceScoping}).
 * Everything else is the delegation base's.
 *
 * <p>Logger {@value #SENT_LOGGER}: at DEBUG, every statement as it is sent to the driver (after
 * scoping, before its parameters are bound); at TRACE also the tenant bound into it.
 */
final class TenantBindingConnection extends DelegatingConnection {
  static final String SENT_LOGGER = "io.citushibernate.SQL";
  private static final Logger SENT = LoggerFactory.getLogger(SENT_LOGGER);

  private final CrossTenantModifyMode modifyMode = new CrossTenantModifyMode();
  /** The scoping of a tenant-scoping data source; {@code null} on Hibernate's own connections. */
  private final DataSourceScoping scoping;
  /** {@code null} when the routing guard is off. */
  private final RoutingGuard guard;
  /** Where Hibernate's statements refused here, as they are prepared or bound, are counted; a data source's counts its own. */
  private final StatementMetrics metrics;
  /** The search path of schema-per-tenant; {@code null} in the row model. */
  private final SchemaPath schemaPath;
  /** Whether citus-hibernate's own schema or catalog work runs on this connection: unscoped, guard lifted. */
  private boolean libraryWork;
  /** The application's SQL last handed to {@link #sqlToPrepare} and what was prepared for it, for the {@code wrap} that follows. */
  private String lastGiven;
  private String lastPrepared;

  TenantBindingConnection(Connection target, DataSourceScoping scoping, RoutingGuard guard, StatementMetrics metrics,
      SchemaPath schemaPath) {
    super(target);
    this.scoping = scoping;
    this.guard = guard;
    this.metrics = metrics;
    this.schemaPath = schemaPath;
  }

  private StatementMetrics metrics() {
    return scoping == null ? metrics : scoping.metrics();
  }

  /** The driver's connection. */
  Connection target() {
    return delegate;
  }

  /** Whether this connection belongs to a tenant-scoping data source (rather than to Hibernate's connection provider). */
  boolean isScoping() {
    return scoping != null;
  }

  /** From now on, runs citus-hibernate's own work: statements unscoped, routing guard lifted. */
  void markLibraryWork() {
    libraryWork = true;
  }

  /** The plan's SQL, once the statement is known to have a tenant: without one, nothing is prepared. */
  @Override
  protected String sqlToPrepare(String sql) throws SQLException {
    String scoped = scoping == null || libraryWork ? sql : scoping.toPrepare(sql, delegate);
    beforeStatement(scoped);
    TenantBindingPlan plan = TenantBindingPlans.planOf(scoped);
    String prepared = plan == null ? scoped : plan.sql();
    if (plan != null) {
      BoundTenant.of(plan, metrics());
    }
    lastGiven = sql;
    lastPrepared = scoped;
    logSent(prepared, plan != null);
    return prepared;
  }

  @Override
  protected String sqlToExecute(String sql) throws SQLException {
    String scoped = scoping == null || libraryWork ? sql : scoping.toExecute(sql, delegate);
    if (scoped != null && TenantBindingPlans.planOf(scoped) != null) {
      throw new UnscopableStatementException("A statement scoped by bind parameter was sent through a plain "
          + "java.sql.Statement, which cannot bind it; use a PreparedStatement: " + scoped);
    }
    beforeStatement(scoped);
    logSent(scoped, false);
    return scoped;
  }

  private void beforeStatement(String sql) throws SQLException {
    if (schemaPath != null) {
      schemaPath.beforeStatement(delegate, sql, libraryWork);
    }
    if (guard != null) {
      guard.beforeStatement(delegate, libraryWork);
    }
    modifyMode.beforeStatement(delegate);
  }

  private static void logSent(String sql, boolean bindsTenant) {
    if (SENT.isTraceEnabled() && bindsTenant) {
      SENT.trace("{} [tenant {}]", sql, TenantContext.current().orElse(null));
    } else if (SENT.isDebugEnabled()) {
      SENT.debug("{}", sql);
    }
  }

  /** {@code wrap}'s view of the caller's {@code sql}: what {@link #sqlToPrepare} scoped it to. */
  private String scoped(String sql) {
    return sql == lastGiven ? lastPrepared : sql;
  }

  @Override
  protected PreparedStatement wrap(PreparedStatement statement, String sql) throws SQLException {
    BoundTenant tenant = BoundTenant.of(scoped(sql), metrics());
    return tenant == null ? super.wrap(statement, sql)
        : new TenantBoundStatement(this, tenant.bindInto(statement), tenant);
  }

  @Override
  protected CallableStatement wrap(CallableStatement statement, String sql) throws SQLException {
    BoundTenant tenant = BoundTenant.of(scoped(sql), metrics());
    return tenant == null ? super.wrap(statement, sql)
        : new TenantBoundCallableStatement(this, tenant.bindInto(statement), tenant);
  }

  /** What the driver would run for {@code sql}: scoped on a tenant-scoping data source, the tenant as a literal. */
  @Override
  public String nativeSQL(String sql) throws SQLException {
    return super.nativeSQL(scoping == null || libraryWork ? sql : scoping.toExecute(sql, delegate));
  }

  @Override
  public void commit() throws SQLException {
    super.commit();
    transactionEnded();
    if (guard != null) {
      guard.committed();
    }
  }

  @Override
  public void rollback() throws SQLException {
    super.rollback();
    transactionEnded();
    if (guard != null) {
      guard.rolledBack();
    }
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    super.rollback(savepoint);
    modifyMode.transactionEnded();
    if (schemaPath != null) {
      schemaPath.rolledBackToSavepoint();
    }
    if (guard != null) {
      guard.rolledBackToSavepoint();
    }
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    boolean wasAutoCommit = delegate.getAutoCommit();
    if (wasAutoCommit && !autoCommit) {
      if (guard != null) {
        guard.beforeTransactionBegins(delegate);
      }
      if (schemaPath != null) {
        schemaPath.restore(delegate);
      }
    }
    super.setAutoCommit(autoCommit);
    transactionEnded();
    if (guard != null && !wasAutoCommit && autoCommit) {
      guard.committed(); // switching autocommit on commits the open transaction
    }
  }

  private void transactionEnded() {
    modifyMode.transactionEnded();
    if (schemaPath != null) {
      schemaPath.transactionEnded();
    }
  }

  /** Before the connection goes back to its pool (see {@link TenantBinding#release}). */
  void beforeRelease() throws SQLException {
    if (guard != null && !delegate.isClosed()) {
      guard.beforeClose(delegate);
    }
    if (schemaPath != null) {
      schemaPath.restore(delegate);
    }
  }

  @Override
  public void close() throws SQLException {
    beforeRelease();
    super.close();
  }
}
