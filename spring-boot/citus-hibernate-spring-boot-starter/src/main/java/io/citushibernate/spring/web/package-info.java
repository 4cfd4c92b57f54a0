/**
 * The tenant of each HTTP request in servlet applications: {@link io.citushibernate.spring.web.TenantResolver}
 * reads it (header, token claim, sub-domain, path), {@link io.citushibernate.spring.web.TenantAuthorizer}
 * may refuse it, {@link io.citushibernate.spring.web.TenantRequestFilter} runs the request in it, and
 * {@link io.citushibernate.spring.web.CitusExceptionResolver} answers tenant failures with 400/403
 * problem documents. Usable without Spring Boot too.
 */
package io.citushibernate.spring.web;
