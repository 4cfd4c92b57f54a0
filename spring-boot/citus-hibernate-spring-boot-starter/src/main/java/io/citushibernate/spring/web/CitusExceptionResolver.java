package io.citushibernate.spring.web;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.InvalidTenantException;
import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.spring.dao.CitusExceptionTranslator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a handler's failure caused by citus-hibernate with a specific status and a problem
 * document instead of {@code 500}: {@link MissingTenantException} and {@link InvalidTenantException}
 * {@code 400} (the request must name a valid tenant), {@link TenantMismatchException} {@code 403}
 * (another tenant's data). Other library exceptions (an unscopable statement, a mapping error) are
 * the application's bugs and stay {@code 500}.
 */
public final class CitusExceptionResolver implements HandlerExceptionResolver, Ordered {
  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception ex) {
    CitusHibernateException cause = CitusExceptionTranslator.libraryCause(ex);
    int status;
    String title;
    if (cause instanceof MissingTenantException) {
      status = 400;
      title = "Tenant required";
    } else if (cause instanceof InvalidTenantException) {
      status = 400;
      title = "Invalid tenant";
    } else if (cause instanceof TenantMismatchException) {
      status = 403;
      title = "Another tenant's data";
    } else {
      return null;
    }
    try {
      ProblemResponse.write(response, status, title, cause.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ModelAndView();
  }

  /** Before Spring's own resolvers, which would answer 500. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
