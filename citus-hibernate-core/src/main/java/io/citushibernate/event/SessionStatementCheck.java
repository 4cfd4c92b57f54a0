package io.citushibernate.event;

import io.citushibernate.sql.TenantType;
import io.citushibernate.tenant.TenantContext;
import org.hibernate.SessionEventListener;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Checks every statement a session prepares against the tenant the session was opened for.
 *
 * <p>Outside a transaction Hibernate fires no event before a query, and a query's rows resolve to
 * the entities the session already manages, by id: without this check, a session that served
 * tenant 1 could return tenant 1's managed entity to tenant 2's query for the same id. Installed
 * on every session opened for a tenant or a cross-tenant scope, as the session opens.
 */
public final class SessionStatementCheck implements SessionEventListener {
  private static final long serialVersionUID = 1L;

  private final Object opened;

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

  @Override
  public void jdbcPrepareStatementStart() {
    SessionTenant.require(opened, TenantContext.scope(), "run a statement");
  }
}
