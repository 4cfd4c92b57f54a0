package io.citushibernate.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantFilterTest {
  private final List<Optional<Object>> seen = new ArrayList<>();
  private final List<Integer> errors = new ArrayList<>();
  private final FilterChain chain = (req, res) -> seen.add(TenantContext.current());

  @Test
  void aRequestRunsWithTheTenantOfItsHeader() throws Exception {
    new TenantFilter().doFilter(request(Map.of("X-Tenant-ID", "42")), response(), chain);
    assertThat(seen).containsExactly(Optional.of(42L));
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void aRequestWithoutTenantIsRejected() throws Exception {
    new TenantFilter().doFilter(request(Map.of()), response(), chain);
    new TenantFilter().doFilter(request(Map.of("X-Tenant-ID", "1 or 1=1")), response(), chain);
    assertThat(seen).isEmpty();
    assertThat(errors).containsExactly(400, 400);
  }

  @Test
  void aCustomResolverDecides() throws Exception {
    new TenantFilter(r -> r.getHeader("Host").split("\\.")[0]).doFilter(request(Map.of("Host", "acme.example.com")),
        response(), chain);
    assertThat(seen).containsExactly(Optional.of("acme"));
  }

  private static HttpServletRequest request(Map<String, String> headers) {
    return (HttpServletRequest) Proxy.newProxyInstance(TenantFilterTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> m.getName().equals("getHeader")
            ? headers.get((String) a[0]) : null);
  }

  private HttpServletResponse response() {
    return (HttpServletResponse) Proxy.newProxyInstance(TenantFilterTest.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
          if (m.getName().equals("sendError")) {
            errors.add((Integer) a[0]);
          }
          return null;
        });
  }
}
