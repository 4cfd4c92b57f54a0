package io.citushibernate;

/**
 * A statement touches a tenant table but cannot be scoped to one tenant: the SQL parser cannot
 * read it, or it uses a construct that cannot carry the tenant predicate. It was not sent.
 */
public class UnscopableStatementException extends CitusHibernateException {
  private static final long serialVersionUID = 1L;

  public UnscopableStatementException(String message) {
    super(message);
  }

  public UnscopableStatementException(String message, Throwable cause) {
    super(message, cause);
  }
}
