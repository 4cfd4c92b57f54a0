package io.citushibernate;

/** A statement or write touches a tenant table while no tenant is set. Nothing was sent. */
public class MissingTenantException extends CitusHibernateException {
  private static final long serialVersionUID = 1L;

  public MissingTenantException(String message) {
    super(message);
  }
}
