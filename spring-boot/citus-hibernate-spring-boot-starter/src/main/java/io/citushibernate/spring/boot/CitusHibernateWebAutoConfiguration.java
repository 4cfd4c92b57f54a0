package io.citushibernate.spring.boot;

import io.citushibernate.spring.web.CitusExceptionResolver;
import io.citushibernate.spring.web.HeaderTenantResolver;
import io.citushibernate.spring.web.JwtClaimTenantResolver;
import io.citushibernate.spring.web.PathTenantResolver;
import io.citushibernate.spring.web.SubdomainTenantResolver;
import io.citushibernate.spring.web.TenantAuthorizer;
import io.citushibernate.spring.web.TenantRequestFilter;
import io.citushibernate.spring.web.TenantResolver;
import io.citushibernate.tenant.TenantType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Servlet applications: each request runs in the tenant it names ({@link TenantRequestFilter}, after
 * Spring Security's filter chain, before open-in-view and every handler), and a handler failing for
 * want of a tenant answers {@code 400}/{@code 403} with a problem document, not {@code 500}.
 */
@AutoConfiguration(after = CitusHibernateAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({OncePerRequestFilter.class, FilterRegistrationBean.class})
@ConditionalOnProperty(prefix = "citus.hibernate.web", name = "enabled", matchIfMissing = true)
public class CitusHibernateWebAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  TenantResolver citusTenantResolver(CitusHibernateProperties properties) {
    CitusHibernateProperties.Web web = properties.getWeb();
    return switch (web.getResolver()) {
      case HEADER -> new HeaderTenantResolver(web.getHeader());
      case SUBDOMAIN -> new SubdomainTenantResolver(web.getSubdomainOf());
      case PATH -> new PathTenantResolver(web.getPathPattern());
      case JWT -> {
        if (!ClassUtils.isPresent("org.springframework.security.oauth2.core.ClaimAccessor", getClass().getClassLoader())) {
          throw new IllegalStateException("citus.hibernate.web.resolver=jwt reads the tenant from the authenticated "
              + "token, but Spring Security's OAuth2 support is not on the classpath: add "
              + "spring-boot-starter-oauth2-resource-server (or choose another resolver)");
        }
        yield new JwtClaimTenantResolver(web.getJwtClaim());
      }
    };
  }

  @Bean
  FilterRegistrationBean<TenantRequestFilter> citusTenantFilter(CitusHibernateProperties properties,
      TenantResolver resolver, ObjectProvider<TenantAuthorizer> authorizer) {
    CitusHibernateProperties.Web web = properties.getWeb();
    TenantType tenantType;
    try {
      tenantType = TenantType.named(web.getTenantType());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("citus.hibernate.web.tenant-type: " + e.getMessage(), e);
    }
    TenantRequestFilter filter = new TenantRequestFilter(resolver, tenantType, authorizer.getIfUnique(),
        web.getExcludePatterns());
    FilterRegistrationBean<TenantRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("citusTenantFilter");
    registration.setUrlPatterns(web.getUrlPatterns());
    registration.setOrder(web.getFilterOrder());
    return registration;
  }

  @Bean
  @ConditionalOnClass(HandlerExceptionResolver.class)
  CitusExceptionResolver citusExceptionResolver() {
    return new CitusExceptionResolver();
  }
}
