package io.citushibernate;

import org.hibernate.HibernateException;

/** Base of every exception citus-hibernate throws; each message names what is wrong and the fix. */
public class CitusHibernateException extends HibernateException {
  private static final long serialVersionUID = 1L;

  public CitusHibernateException(String message) {
    super(message);
  }

  public CitusHibernateException(String message, Throwable cause) {
    super(message, cause);
  }
}
