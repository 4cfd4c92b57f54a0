package io.citushibernate.spring.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the tenant from a request header. Any client can send any header: use it only behind a
 * gateway that authenticates the caller, sets the header itself and drops the client's copy, or add
 * a {@link TenantAuthorizer}.
 */
public final class HeaderTenantResolver implements TenantResolver {
  private final String header;

  public HeaderTenantResolver(String header) {
    if (header == null || header.isBlank()) {
      throw new IllegalArgumentException("citus.hibernate.web.header must name a header");
    }
    this.header = header;
  }

  @Override
  public Object resolve(HttpServletRequest request) {
    String value = request.getHeader(header);
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String describe() {
    return "header " + header;
  }
}
