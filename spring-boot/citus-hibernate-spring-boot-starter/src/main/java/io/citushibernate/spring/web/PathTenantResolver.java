package io.citushibernate.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Reads the tenant from a variable of a path pattern: with {@code /companies/{tenant}/**},
 * {@code /companies/5/campaigns} names tenant {@code 5}. Paths that do not match name no tenant.
 * The filter runs before Spring MVC maps the request, so the pattern is matched here, with Spring's
 * own path-pattern syntax.
 */
public final class PathTenantResolver implements TenantResolver {
  static final String VARIABLE = "tenant";

  private final PathPattern pattern;

  public PathTenantResolver(String pattern) {
    if (pattern == null || !pattern.contains("{" + VARIABLE + "}")) {
      throw new IllegalArgumentException("citus.hibernate.web.path-pattern must be a path pattern with a {"
          + VARIABLE + "} variable, e.g. /companies/{" + VARIABLE + "}/**; it is " + pattern);
    }
    this.pattern = PathPatternParser.defaultInstance.parse(pattern);
  }

  @Override
  public Object resolve(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    PathPattern.PathMatchInfo match = pattern.matchAndExtract(PathContainer.parsePath(path));
    return match == null ? null : match.getUriVariables().get(VARIABLE);
  }

  @Override
  public String describe() {
    return "the path " + pattern.getPatternString();
  }
}
