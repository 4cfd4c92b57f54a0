package io.citushibernate.internal.event;

import io.citushibernate.tenant.TenantType;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantScope;
import org.hibernate.SessionEventListener;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Checks every statement a session prepares against the tenant the session was opened for.
 *
 * <p>Outside a transaction Hibernate fires no event before a query, and a query's rows resolve to
 * the entities the session already manages, by id: without this check, a session that served
 * tenant 1 could return tenant 1's managed entity to tenant 2's query for the same id. Installed
 * on every session opened for a tenant or a cross-tenant scope, as the session opens. It also
 * lets a session opened for a tenant ({@code withOptions().tenantIdentifier(x)}) work outside any
 * scope: its statements are bound to its own tenant.
 */
public final class SessionStatementCheck implements SessionEventListener {
  private static final long serialVersionUID = 1L;

  private final Object opened;
  /** The scope opened for the statement being prepared, when the session's tenant stands in for none. */
  private transient TenantScope standIn;

  private SessionStatementCheck(Object opened) {
    this.opened = opened;
  }

  /** Installs the check on a session that is being opened, when it was opened for a tenant or scope. */
  public static void install(SharedSessionContractImplementor session, TenantType type) {
    Object opened = SessionTenant.openedFor(session, type);
    if (opened != null) {
      session.getEventListenerManager().addListener(new SessionStatementCheck(opened));
    }
  }

  /**
   * Before the statement reaches the connection. With no scope set, the session's tenant is the
   * tenant: it is put in place for this one statement, so that the JDBC layer binds it.
   */
  @Override
  public void jdbcPrepareStatementStart() {
    Object now = TenantContext.scope();
    if (now == null && opened != TenantContext.CROSS_TENANT) {
      standIn = TenantContext.open(opened);
      return;
    }
    SessionTenant.require(opened, now, "run a statement");
  }

  @Override
  public void jdbcPrepareStatementEnd() {
    if (standIn != null) {
      standIn.close();
      standIn = null;
    }
  }
}
