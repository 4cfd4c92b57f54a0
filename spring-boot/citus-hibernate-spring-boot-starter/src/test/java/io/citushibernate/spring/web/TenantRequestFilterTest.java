package io.citushibernate.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;

class TenantRequestFilterTest {
  private final AtomicReference<Optional<Object>> seen = new AtomicReference<>();

  @AfterEach
  void clearSecurity() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void theRequestRunsInTheTenantItNamesAndNoLonger() throws Exception {
    MockHttpServletResponse response = run(filter(new HeaderTenantResolver("X-Tenant-ID"), null),
        request("/campaigns", "X-Tenant-ID", "42"));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(seen.get()).contains(42L);
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void noTenantIsABadRequestSayingWhereToPutIt() throws Exception {
    MockHttpServletResponse response = run(filter(new HeaderTenantResolver("X-Tenant-ID"), null), request("/campaigns"));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"title\":\"Tenant required\"", "header X-Tenant-ID");
    assertThat(seen.get()).isNull();
  }

  @Test
  void aMalformedTenantIsABadRequest() throws Exception {
    MockHttpServletResponse response = run(filter(new HeaderTenantResolver("X-Tenant-ID"), null),
        request("/campaigns", "X-Tenant-ID", "12\"; drop"));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("Invalid tenant", "\\\"");
    assertThat(seen.get()).isNull();
  }

  @Test
  void theAuthorizerCanRefuseATenant() throws Exception {
    TenantAuthorizer onlySeven = (request, tenant) -> tenant.equals(7L);
    MockHttpServletResponse refused = run(filter(new HeaderTenantResolver("X-Tenant-ID"), onlySeven),
        request("/campaigns", "X-Tenant-ID", "8"));
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(seen.get()).isNull();
    assertThat(run(filter(new HeaderTenantResolver("X-Tenant-ID"), onlySeven),
        request("/campaigns", "X-Tenant-ID", "7")).getStatus()).isEqualTo(200);
  }

  @Test
  void excludedPathsRunWithoutTenant() throws Exception {
    MockHttpServletResponse response = run(filter(new HeaderTenantResolver("X-Tenant-ID"), null),
        request("/actuator/health"));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(seen.get()).isEmpty();
  }

  @Test
  void theSubdomainResolverReadsOneLabelUnderTheDomain() {
    SubdomainTenantResolver resolver = new SubdomainTenantResolver("example.com");
    assertThat(resolver.resolve(host("acme.example.com"))).isEqualTo("acme");
    assertThat(resolver.resolve(host("ACME.Example.com"))).isEqualTo("acme");
    assertThat(resolver.resolve(host("example.com"))).isNull();
    assertThat(resolver.resolve(host("a.b.example.com"))).isNull();
    assertThat(resolver.resolve(host("acme.example.org"))).isNull();
    assertThat(resolver.resolve(host("evilexample.com"))).isNull();
  }

  @Test
  void thePathResolverReadsTheTenantVariable() {
    PathTenantResolver resolver = new PathTenantResolver("/companies/{tenant}/**");
    assertThat(resolver.resolve(request("/companies/5/campaigns"))).isEqualTo("5");
    assertThat(resolver.resolve(request("/campaigns/5"))).isNull();
    assertThatThrownBy(() -> new PathTenantResolver("/companies/{id}/**"))
        .hasMessageContaining("citus.hibernate.web.path-pattern");
  }

  @Test
  void theJwtResolverNeedsAnAuthenticatedPrincipalWithTheClaim() throws Exception {
    TenantRequestFilter filter = filter(new JwtClaimTenantResolver("tenant_id"), null);
    MockHttpServletResponse anonymous = run(filter, request("/campaigns"));
    assertThat(anonymous.getStatus()).isEqualTo(401);

    ClaimAccessor withoutClaim = () -> Map.of("sub", "alice");
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(withoutClaim, null, "USER"));
    assertThat(run(filter, request("/campaigns")).getStatus()).isEqualTo(403);

    ClaimAccessor withClaim = () -> Map.of("sub", "alice", "tenant_id", 9L);
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(withClaim, null, "USER"));
    assertThat(run(filter, request("/campaigns")).getStatus()).isEqualTo(200);
    assertThat(seen.get()).contains(9L);
  }

  private TenantRequestFilter filter(TenantResolver resolver, TenantAuthorizer authorizer) {
    return new TenantRequestFilter(resolver, TenantType.LONG, authorizer, List.of("/actuator/**", "/error"));
  }

  private MockHttpServletResponse run(TenantRequestFilter filter, MockHttpServletRequest request) throws Exception {
    seen.set(null);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
        seen.set(TenantContext.current());
      }
    });
    return response;
  }

  private static MockHttpServletRequest request(String path, String... headers) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    for (int i = 0; i < headers.length; i += 2) {
      request.addHeader(headers[i], headers[i + 1]);
    }
    return request;
  }

  private static MockHttpServletRequest host(String host) {
    MockHttpServletRequest request = request("/");
    request.setServerName(host);
    return request;
  }
}
