package io.citushibernate.spring.web;

import io.citushibernate.InvalidTenantException;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantScope;
import io.citushibernate.tenant.TenantType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Runs each HTTP request in the tenant it names, or answers it with a problem document saying why
 * it cannot: {@code 400} no or malformed tenant, {@code 401}/{@code 403} from the resolver,
 * {@code 403} when the {@link TenantAuthorizer} refuses. Excluded paths (health checks, the error
 * page) run with no tenant, so any tenant-table statement there is still refused by the core.
 */
public class TenantRequestFilter extends OncePerRequestFilter {
  private final TenantResolver resolver;
  private final TenantType tenantType;
  private final TenantAuthorizer authorizer;
  private final List<PathPattern> excluded;

  public TenantRequestFilter(TenantResolver resolver, TenantType tenantType, TenantAuthorizer authorizer,
      List<String> excludePatterns) {
    this.resolver = resolver;
    this.tenantType = tenantType;
    this.authorizer = authorizer;
    this.excluded = excludePatterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
    return excluded.stream().anyMatch(pattern -> pattern.matches(path));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Object tenant;
    try {
      Object resolved = resolver.resolve(request);
      if (resolved == null) {
        ProblemResponse.write(response, 400, "Tenant required",
            "No tenant in the request: send it in " + resolver.describe());
        return;
      }
      tenant = resolved instanceof String text ? tenantType.parse(text) : tenantType.coerce(resolved);
    } catch (TenantResolutionException e) {
      ProblemResponse.write(response, e.status(), e.title(), e.getMessage());
      return;
    } catch (InvalidTenantException e) {
      ProblemResponse.write(response, 400, "Invalid tenant", e.getMessage() + " (in " + resolver.describe() + ")");
      return;
    }
    if (authorizer != null && !authorizer.permits(request, tenant)) {
      ProblemResponse.write(response, 403, "Tenant not permitted",
          "This request may not act for the tenant it names");
      return;
    }
    TenantScope scope = TenantContext.open(tenant);
    try {
      chain.doFilter(request, response);
    } finally {
      scope.close();
    }
  }
}
