package io.citushibernate.tenant;

import io.citushibernate.InvalidTenantException;
import io.citushibernate.citus.SqlQuoting;
import java.util.UUID;

/**
 * The Java type of a persistence unit's tenant key, the one set of rules for tenant values, and
 * the only way a tenant value becomes SQL text: numbers are range-checked and printed, UUIDs
 * printed canonically, strings quoted with every quote and backslash escaped. No other value
 * reaches a statement.
 *
 * <p>The rules: a tenant is a whole number ({@code Long}, {@code Integer}, {@code Short} or
 * {@code Byte}), a {@code UUID} or a {@code String} without NUL characters. Whole numbers are one
 * tenant whatever their boxed type ({@code 7}, {@code 7L} and {@code (byte) 7} are the same
 * tenant), so the context, the cache keys and the SQL all compare them as {@code Long}.
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

  /**
   * {@code tenant} if it can be a tenant of some tenant key type.
   *
   * @throws InvalidTenantException when it is null, of another type, or a string with a NUL
   */
  static Object checkValue(Object tenant) {
    if (tenant == null) {
      throw new InvalidTenantException("The tenant is null: pass the tenant's id, or use "
          + "TenantContext.runCrossTenant(reason, ...) for work that spans tenants");
    }
    if (isWholeNumber(tenant) || tenant instanceof java.util.UUID) {
      return tenant;
    }
    if (tenant instanceof String s) {
      return checkText(s);
    }
    throw new InvalidTenantException("Unsupported tenant value type " + tenant.getClass().getName()
        + ": use Long, Integer, Short, Byte, UUID or String, matching the @TenantKey attribute's type");
  }

  /** {@code tenant} in the form tenants are compared in: whole numbers as {@code Long}, anything else as it is. */
  static Object normalized(Object tenant) {
    return isWholeNumber(tenant) ? (Object) ((Number) tenant).longValue() : tenant;
  }

  private static boolean isWholeNumber(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
  }

  private static String checkText(String s) {
    if (s.indexOf('\0') >= 0) {
      throw new InvalidTenantException("A tenant value cannot contain the NUL character: PostgreSQL text cannot store it");
    }
    return s;
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
        if (isWholeNumber(value)) {
          return ((Number) value).longValue();
        }
        break;
      case INTEGER:
        if (isWholeNumber(value)) {
          long l = ((Number) value).longValue();
          if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new InvalidTenantException("Tenant value " + l + " is out of range for the Integer tenant key");
          }
          return (int) l;
        }
        break;
      case UUID:
        if (value instanceof java.util.UUID) {
          return value;
        }
        break;
      case STRING:
        if (value instanceof String s) {
          return checkText(s);
        }
        break;
      default:
        break;
    }
    throw new InvalidTenantException("Tenant value of type " + value.getClass().getName()
        + " does not match the tenant key type " + javaType.getName()
        + ": set the tenant as a " + javaType.getSimpleName());
  }

  /**
   * The tenant written as {@code text} (a header, a path segment, a token claim), as this type.
   *
   * @throws InvalidTenantException when the text is blank or not a value of this type
   */
  public Object parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidTenantException("The tenant is blank: expected a " + javaType.getSimpleName());
    }
    String trimmed = text.trim();
    try {
      return switch (this) {
        case LONG -> Long.valueOf(trimmed);
        case INTEGER -> Integer.valueOf(trimmed);
        case UUID -> java.util.UUID.fromString(trimmed);
        case STRING -> checkText(trimmed);
      };
    } catch (IllegalArgumentException e) {
      throw new InvalidTenantException("'" + abbreviated(trimmed) + "' is not a valid "
          + javaType.getSimpleName() + " tenant", e);
    }
  }

  /** The type named {@code name} ({@code long}, {@code int}/{@code integer}, {@code uuid}, {@code string}). */
  public static TenantType named(String name) {
    return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "long" -> LONG;
      case "int", "integer" -> INTEGER;
      case "uuid" -> UUID;
      case "string" -> STRING;
      default -> throw new IllegalArgumentException("Unknown tenant type '" + name
          + "': use long, int, uuid or string");
    };
  }

  /** Bad input is echoed in messages, but never at any length. */
  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  /** The strings {@link #schemaNamePart} accepts: lower-case letters, digits and underscores, from a letter or digit. */
  private static final java.util.regex.Pattern SCHEMA_NAME_TEXT = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_]*");

  /**
   * {@code value}, coerced to this type, as the tenant's part of a schema name (see
   * {@link TenantSchemaNaming}): whole numbers as their digits, UUIDs in their canonical lower-case
   * form, strings only when they consist of lower-case letters, digits and underscores. Nothing
   * else can reach a schema name, so the name needs no escaping beyond its quotes.
   *
   * @throws InvalidTenantException when the value is not of this type or a string outside that pattern
   */
  public String schemaNamePart(Object value) {
    Object v = coerce(value);
    if (this != STRING) {
      return v.toString();
    }
    String s = (String) v;
    if (!SCHEMA_NAME_TEXT.matcher(s).matches()) {
      throw new InvalidTenantException("String tenant '" + abbreviated(s) + "' cannot name a tenant schema: "
          + "schema-per-tenant (citus.hibernate.tenancy=schema) accepts string tenants of lower-case letters, "
          + "digits and underscores only, starting with a letter or digit. Map such tenants to a name with a "
          + "TenantSchemaNaming of your own (citus.hibernate.schema.naming), or use numeric or UUID tenants.");
    }
    return s;
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
