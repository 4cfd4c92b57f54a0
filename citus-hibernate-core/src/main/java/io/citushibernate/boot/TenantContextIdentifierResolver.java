package io.citushibernate.boot;

import io.citushibernate.tenant.TenantContext;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Gives every Hibernate session the tenant it is opened for: the {@link TenantContext} tenant when
 * the session opens ({@code withOptions().tenantIdentifier(x)} overrides it), {@link #CROSS_TENANT}
 * in a cross-tenant scope (a "root" tenant to Hibernate), and none outside any scope.
 *
 * <p>citus-hibernate installs it when the application configures no resolver of its own. Hibernate
 * then puts the session's tenant into its second-level cache and query cache keys, so two tenants'
 * rows with the same id never share a cache entry; {@code @TenantId} attributes follow it; and
 * citus-hibernate holds every use of the session to that tenant. Configure it explicitly with
 * {@code hibernate.tenant_identifier_resolver=io.citushibernate.boot.TenantContextIdentifierResolver}
 * only where a framework insists on a configured resolver.
 */
public final class TenantContextIdentifierResolver implements CurrentTenantIdentifierResolver<Object> {
  /** The identifier of sessions opened in a cross-tenant scope. */
  public static final String CROSS_TENANT = "<cross-tenant>";

  /**
   * The current tenant, {@link #CROSS_TENANT}, or {@code null} outside any scope (Hibernate then
   * opens a session without tenant, or refuses to when {@code @TenantId} entities need one).
   */
  @Override
  public Object resolveCurrentTenantIdentifier() {
    if (TenantContext.isCrossTenant()) {
      return CROSS_TENANT;
    }
    return TenantContext.current().orElse(null);
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    return true;
  }

  @Override
  public boolean isRoot(Object tenantId) {
    return CROSS_TENANT.equals(tenantId);
  }
}
