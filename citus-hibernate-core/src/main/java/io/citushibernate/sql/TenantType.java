package io.citushibernate.sql;

import io.citushibernate.InvalidTenantException;
import io.citushibernate.citus.SqlQuoting;
import java.util.UUID;

/**
 * The Java type of a persistence unit's tenant key, and the only way a tenant value becomes SQL
 * text: numbers are range-checked and printed, UUIDs printed canonically, strings quoted with
 * every quote and backslash escaped. No other value reaches a statement.
 */
public enum TenantType {
  LONG(Long.class),
  INTEGER(Integer.class),
  UUID(java.util.UUID.class),
  STRING(String.class);

  private final Class<?> javaType;

  TenantType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** The boxed Java type of tenant values. */
  public Class<?> javaType() {
    return javaType;
  }

  /** The tenant type for an attribute's Java type, or {@code null} when it cannot be a tenant key. */
  public static TenantType of(Class<?> type) {
    if (type == Long.class || type == long.class) {
      return LONG;
    }
    if (type == Integer.class || type == int.class) {
      return INTEGER;
    }
    if (type == java.util.UUID.class) {
      return UUID;
    }
    if (type == String.class) {
      return STRING;
    }
    return null;
  }

  /**
   * {@code value} as this type, widening smaller integers.
   *
   * @throws InvalidTenantException when it is null, of another type or out of range
   */
  public Object coerce(Object value) {
    if (value == null) {
      throw new InvalidTenantException("The tenant value is null: set a " + javaType.getSimpleName() + " tenant");
    }
    switch (this) {
      case LONG:
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
          return ((Number) value).longValue();
        }
        break;
      case INTEGER:
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
          return ((Number) value).intValue();
        }
        if (value instanceof Long l) {
          if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new InvalidTenantException("Tenant value " + l + " is out of range for the Integer tenant key");
          }
          return l.intValue();
        }
        break;
      case UUID:
        if (value instanceof java.util.UUID) {
          return value;
        }
        break;
      case STRING:
        if (value instanceof String s) {
          if (s.indexOf('\0') >= 0) {
            throw new InvalidTenantException("A tenant value cannot contain the NUL character");
          }
          return s;
        }
        break;
      default:
        break;
    }
    throw new InvalidTenantException("Tenant value of type " + value.getClass().getName()
        + " does not match the tenant key type " + javaType.getName()
        + ": set the tenant as a " + javaType.getSimpleName());
  }

  /** {@code value}, coerced to this type, as a SQL literal. */
  public String literal(Object value) {
    Object v = coerce(value);
    switch (this) {
      case LONG:
      case INTEGER:
        return v.toString();
      case UUID:
        return "'" + ((UUID) v) + "'";
      default:
        return SqlQuoting.literal((String) v);
    }
  }
}
