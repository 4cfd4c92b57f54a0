package io.citushibernate.tenant;

import io.citushibernate.InvalidTenantException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;

/**
 * Runs each HTTP request in the {@link TenantContext} of the tenant it names.
 *
 * <p>By default the tenant is read from the {@code X-Tenant-ID} header and parsed as a
 * {@code long}; the init parameters {@code header} and {@code type} ({@code long}, {@code int},
 * {@code uuid}, {@code string}) change that, or pass a resolver to the constructor. A request
 * without a readable tenant gets {@code 400 Bad Request} and never reaches the application.
 * Requires {@code jakarta.servlet-api} on the classpath.
 */
public class TenantFilter implements Filter {
  private Function<HttpServletRequest, Object> resolver;

  /** Reads the tenant as configured by the filter's init parameters. */
  public TenantFilter() {
  }

  /** Reads the tenant with {@code resolver}; a {@code null} result means the request has none. */
  public TenantFilter(Function<HttpServletRequest, Object> resolver) {
    this.resolver = resolver;
  }

  @Override
  public void init(FilterConfig config) {
    if (resolver == null) {
      String header = config == null ? null : config.getInitParameter("header");
      String type = config == null ? null : config.getInitParameter("type");
      resolver = headerResolver(header == null ? "X-Tenant-ID" : header, type == null ? "long" : type);
    }
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (resolver == null) {
      init(null);
    }
    Object tenant;
    try {
      tenant = resolver.apply((HttpServletRequest) request);
    } catch (IllegalArgumentException e) {
      ((HttpServletResponse) response).sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
      return;
    }
    if (tenant == null) {
      ((HttpServletResponse) response).sendError(HttpServletResponse.SC_BAD_REQUEST, "No tenant in request");
      return;
    }
    TenantScope scope = TenantContext.open(tenant);
    try {
      chain.doFilter(request, response);
    } finally {
      scope.close();
    }
  }

  /** A resolver reading {@code header} as a value of {@code type} (see {@link TenantType#named}). */
  public static Function<HttpServletRequest, Object> headerResolver(String header, String type) {
    TenantType tenantType = TenantType.named(type);
    return request -> {
      String raw = request.getHeader(header);
      if (raw == null || raw.isBlank()) {
        return null;
      }
      try {
        return tenantType.parse(raw);
      } catch (InvalidTenantException e) {
        throw new IllegalArgumentException("Header " + header + " is not a valid " + type + " tenant", e);
      }
    };
  }
}
