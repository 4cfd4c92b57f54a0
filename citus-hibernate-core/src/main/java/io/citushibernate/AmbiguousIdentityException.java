package io.citushibernate;

/**
 * A cross-tenant scope would load entities whose ids may repeat across tenants (assigned ids):
 * Hibernate keeps one instance per id in a session, so rows of several tenants would merge into
 * one, or a load by id would return whichever tenant's row came first. Raised before the
 * entities reach the application.
 */
public class AmbiguousIdentityException extends CitusHibernateException {
  private static final long serialVersionUID = 1L;

  public AmbiguousIdentityException(String message) {
    super(message);
  }
}
