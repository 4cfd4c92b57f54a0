package io.citushibernate;

/**
 * A tenant value is null, of the wrong Java type, out of range, or not representable in SQL.
 * Raised before any SQL is sent.
 */
public class InvalidTenantException extends CitusHibernateException {
  private static final long serialVersionUID = 1L;

  public InvalidTenantException(String message) {
    super(message);
  }

  public InvalidTenantException(String message, Throwable cause) {
    super(message, cause);
  }
}
