package io.citushibernate.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Reads the tenant from the first label of the host name under a fixed domain: with domain
 * {@code example.com}, {@code acme.example.com} names tenant {@code acme}. Hosts outside the domain,
 * the domain itself and deeper names ({@code a.b.example.com}) name no tenant.
 */
public final class SubdomainTenantResolver implements TenantResolver {
  private final String suffix;

  public SubdomainTenantResolver(String domain) {
    if (domain == null || domain.isBlank()) {
      throw new IllegalArgumentException("citus.hibernate.web.subdomain-of must name the domain "
          + "under which tenants are sub-domains, e.g. example.com");
    }
    String normalized = domain.trim().toLowerCase(Locale.ROOT);
    this.suffix = "." + (normalized.startsWith(".") ? normalized.substring(1) : normalized);
  }

  @Override
  public Object resolve(HttpServletRequest request) {
    String host = request.getServerName();
    if (host == null) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (!host.endsWith(suffix)) {
      return null;
    }
    String label = host.substring(0, host.length() - suffix.length());
    return label.isEmpty() || label.indexOf('.') >= 0 ? null : label;
  }

  @Override
  public String describe() {
    return "the sub-domain of " + suffix.substring(1);
  }
}
