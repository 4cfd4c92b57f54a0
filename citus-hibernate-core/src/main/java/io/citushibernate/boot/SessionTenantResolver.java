package io.citushibernate.boot;

import io.citushibernate.sql.TenantType;
import io.citushibernate.tenant.TenantContext;
import java.util.Optional;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Gives every session the tenant it is opened for, the way Hibernate's own multi-tenancy does:
 * the {@link TenantContext} tenant when the session opens ({@code withOptions().tenantIdentifier(x)}
 * overrides it), {@link TenantContext#CROSS_TENANT} in a cross-tenant scope, and none outside any
 * scope. Installed by the integrator when the application configures no resolver of its own.
 *
 * <p>Hibernate puts the session's tenant into its second-level cache keys and query cache keys,
 * so with this resolver in place two tenants' rows with the same id never share a cache entry,
 * without any configuration; and the session remembers its tenant, which the
 * {@link io.citushibernate.event.SessionTenantListener} holds every use of the session to.
 */
final class SessionTenantResolver implements CurrentTenantIdentifierResolver<Object> {
  private final TenantType type;

  SessionTenantResolver(TenantType type) {
    this.type = type;
  }

  @Override
  public Object resolveCurrentTenantIdentifier() {
    Optional<Object> tenant = TenantContext.current();
    if (tenant.isPresent()) {
      return type.coerce(tenant.get());
    }
    return TenantContext.isCrossTenant() ? TenantContext.CROSS_TENANT : null;
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    return true;
  }

  @Override
  public boolean isRoot(Object tenantId) {
    return tenantId == TenantContext.CROSS_TENANT;
  }
}
