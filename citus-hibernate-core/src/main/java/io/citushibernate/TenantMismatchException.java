package io.citushibernate;

/**
 * An entity or statement belongs to a tenant other than the current one, or would move a row
 * between tenants. Raised before the offending SQL is sent.
 */
public class TenantMismatchException extends CitusHibernateException {
  private static final long serialVersionUID = 1L;

  public TenantMismatchException(String message) {
    super(message);
  }
}
