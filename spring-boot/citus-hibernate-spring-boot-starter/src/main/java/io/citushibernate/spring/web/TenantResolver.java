package io.citushibernate.spring.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the tenant an HTTP request works for. Who may act as which tenant is the application's
 * decision: a resolver only reads; a {@link TenantAuthorizer} may refuse.
 *
 * <p>Declare a bean of this type to replace the resolver chosen by {@code citus.hibernate.web.resolver}.
 */
@FunctionalInterface
public interface TenantResolver {
  /**
   * The request's tenant: a {@code String} (parsed as {@code citus.hibernate.web.tenant-type}) or a
   * tenant value ({@code Long}, {@code Integer}, {@code UUID}, {@code String}); {@code null} when the
   * request names none.
   *
   * @throws TenantResolutionException when the request cannot name a tenant (e.g. unauthenticated)
   */
  Object resolve(HttpServletRequest request);

  /** Where this resolver looks, for the message a request without a tenant gets. */
  default String describe() {
    return "the request";
  }
}
