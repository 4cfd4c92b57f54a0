package io.citushibernate.internal.event;

import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.tenant.TenantType;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.boot.TenantContextIdentifierResolver;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/** The session–tenant rule: what a session was opened for, and the check that it is used for that only. */
final class SessionTenant {
  private SessionTenant() {
  }

  /**
   * The tenant {@code session} was opened for, in {@link TenantContext#scope()}'s form:
   * {@link TenantContext#CROSS_TENANT} for a session of a cross-tenant scope, {@code null} for none.
   */
  static Object openedFor(SharedSessionContractImplementor session, TenantType type) {
    Object tenant = session.getTenantIdentifierValue();
    CurrentTenantIdentifierResolver<Object> resolver = session.getFactory().getCurrentTenantIdentifierResolver();
    // another resolver's identifiers need not be tenants of this unit: such sessions have no tenant here
    if (tenant == null || !(resolver instanceof TenantContextIdentifierResolver)) {
      return null;
    }
    if (resolver.isRoot(tenant)) {
      return TenantContext.CROSS_TENANT;
    }
    return TenantContext.scopeOf(type.coerce(tenant));
  }

  /**
   * Fails unless the thread works for what the session was opened for. With no scope set, a
   * session opened for a tenant works for that tenant (as {@code withOptions().tenantIdentifier(x)}
   * promises); a cross-tenant session needs its cross-tenant scope.
   *
   * @throws MissingTenantException when no scope is set and the session was opened cross-tenant
   * @throws TenantMismatchException when another tenant's (or cross-tenant) scope is set
   */
  static void require(Object opened, Object now, String operation) {
    if (opened.equals(now) || now == null && opened != TenantContext.CROSS_TENANT) {
      return;
    }
    if (now == null) {
      throw new MissingTenantException("Cannot " + operation + " with no scope set: this session was opened for "
          + describe(opened) + ". Run it inside TenantContext.runCrossTenant(reason, ...).");
    }
    throw new TenantMismatchException("Cannot " + operation + " for " + describe(now) + ": this session was opened "
        + "for " + describe(opened) + ", and a session serves one tenant (its first-level cache keeps entities by "
        + "id, and ids may repeat across tenants). Open a new session for " + describe(now) + ".");
  }

  private static String describe(Object scope) {
    return scope == TenantContext.CROSS_TENANT ? "a cross-tenant scope" : "tenant " + scope;
  }
}
