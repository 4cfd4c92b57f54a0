package io.citushibernate.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * Reads the tenant from a claim of the authenticated principal's token (a resource server's
 * {@code Jwt}, an OIDC user: any Spring Security {@link ClaimAccessor}). The filter runs after
 * Spring Security's, so the principal is known: no authentication answers {@code 401}, an
 * authenticated principal without the claim {@code 403}.
 */
public final class JwtClaimTenantResolver implements TenantResolver {
  private final String claim;

  public JwtClaimTenantResolver(String claim) {
    if (claim == null || claim.isBlank()) {
      throw new IllegalArgumentException("citus.hibernate.web.jwt-claim must name a claim");
    }
    this.claim = claim;
  }

  @Override
  public Object resolve(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      throw new TenantResolutionException(401, "Authentication required",
          "The tenant is read from the token claim '" + claim + "': authenticate first");
    }
    if (!(authentication.getPrincipal() instanceof ClaimAccessor token)) {
      throw new TenantResolutionException(403, "No tenant claim",
          "The authenticated principal carries no token claims; the tenant is read from claim '" + claim + "'");
    }
    Object value = token.getClaims().get(claim);
    if (value == null) {
      throw new TenantResolutionException(403, "No tenant claim",
          "The authenticated principal's token has no claim '" + claim + "'");
    }
    // whole-number claims stay numbers; anything else is parsed as text, so 5.5 is refused, not truncated
    return value instanceof Long || value instanceof Integer ? value : value.toString();
  }

  @Override
  public String describe() {
    return "token claim " + claim;
  }
}
