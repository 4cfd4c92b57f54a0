package io.citushibernate;

/** A citus-hibernate property has a value it does not accept; the message names the property and its values. */
public class InvalidSettingException extends CitusHibernateException {
  private static final long serialVersionUID = 1L;

  public InvalidSettingException(String property, Object value, String expected) {
    super("Invalid value '" + value + "' for Hibernate property " + property + ": expected " + expected);
  }
}
