package io.citushibernate.spring.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides whether a request may act as the tenant it names, e.g. whether the authenticated user
 * belongs to that company. A refused request gets {@code 403 Forbidden} and never reaches the
 * application. Declare a bean of this type to use it; without one every resolved tenant is accepted.
 */
@FunctionalInterface
public interface TenantAuthorizer {
  /**
   * Whether {@code request} may work for {@code tenant}.
   *
   * @param request the request; {@link HttpServletRequest#getUserPrincipal()} is the authenticated user, if any
   * @param tenant the tenant the request named, already of the tenant type
   */
  boolean permits(HttpServletRequest request, Object tenant);
}
