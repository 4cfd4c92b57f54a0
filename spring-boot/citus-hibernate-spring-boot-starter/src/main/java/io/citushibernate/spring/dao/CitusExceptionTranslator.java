package io.citushibernate.spring.dao;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.InvalidTenantException;
import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.UnscopableStatementException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Turns citus-hibernate's exceptions into Spring's specific {@link DataAccessException}s instead of
 * the generic {@code JpaSystemException} Spring would make of any Hibernate exception. The library's
 * exception stays the cause. Found in the cause chain, so it works whether Hibernate wrapped it or not.
 *
 * <ul>
 *   <li>{@link MissingTenantException}, {@link InvalidTenantException}: {@link InvalidDataAccessApiUsageException}
 *       (the caller did not set a valid tenant);</li>
 *   <li>{@link TenantMismatchException}: {@link PermissionDeniedDataAccessException} (another tenant's row);</li>
 *   <li>{@link UnscopableStatementException}: {@link InvalidDataAccessResourceUsageException} (SQL that
 *       cannot be scoped: rewrite it, or run it in a cross-tenant scope if it is deliberate);</li>
 *   <li>any other library exception: {@link InvalidDataAccessApiUsageException}.</li>
 * </ul>
 */
public final class CitusExceptionTranslator implements PersistenceExceptionTranslator, Ordered {
  @Override
  public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
    if (ex instanceof DataAccessException) {
      return null;
    }
    CitusHibernateException cause = libraryCause(ex);
    if (cause == null) {
      return null;
    }
    String message = cause.getMessage();
    if (cause instanceof TenantMismatchException) {
      return new PermissionDeniedDataAccessException(message, ex);
    }
    if (cause instanceof UnscopableStatementException) {
      return new InvalidDataAccessResourceUsageException(message, ex);
    }
    return new InvalidDataAccessApiUsageException(message, ex);
  }

  /** The library's exception in {@code failure}'s cause chain, or {@code null}. */
  public static CitusHibernateException libraryCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CitusHibernateException library) {
        return library;
      }
    }
    return null;
  }

  /** Before the JPA provider's own translation, which would make every library exception generic. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
