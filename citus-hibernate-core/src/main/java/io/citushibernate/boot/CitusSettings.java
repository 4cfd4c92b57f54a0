package io.citushibernate.boot;

import io.citushibernate.sql.ParseLimits;
import java.util.Locale;
import java.util.Map;
import org.hibernate.HibernateException;

/** The Hibernate properties that configure citus-hibernate, read once at boot. */
public final class CitusSettings {
  /** {@code true} (default) or {@code false}: turns all of citus-hibernate on or off. */
  public static final String ENABLED = "citus.hibernate.enabled";
  /**
   * {@code refuse} (default) or {@code pass}: what to do with SQL the parser cannot read that
   * names a tenant table.
   */
  public static final String UNPARSEABLE_STATEMENTS = "citus.hibernate.unparseable_statements";
  /**
   * {@code parameter} (default) or {@code literal}: how the tenant value reaches SQL. With
   * {@code parameter} the SQL text is the same for every tenant and the tenant is bound as a JDBC
   * parameter, so PostgreSQL reuses prepared statements across tenants; it needs the connections
   * to come through Hibernate's connection provider. {@code literal} writes the tenant into the
   * SQL text, readable in logs, at the cost of a parse and plan per tenant.
   */
  public static final String TENANT_BINDING = "citus.hibernate.tenant_binding";
  /** How many distinct SQL statements keep their analysed form; default 4096. */
  public static final String REWRITE_CACHE_SIZE = "citus.hibernate.rewrite_cache_size";
  /**
   * The longest statement on tenant tables the parser is given, in characters; default 262144.
   * Longer ones are refused unsent: the parser's time grows faster than the input.
   */
  public static final String MAX_STATEMENT_LENGTH = "citus.hibernate.max_statement_length";
  /**
   * The deepest nesting of parentheses and CASE expressions in a statement on tenant tables that
   * the parser is given; default 64. Deeper ones are refused unsent.
   */
  public static final String MAX_STATEMENT_NESTING = "citus.hibernate.max_statement_nesting";

  private final boolean enabled;
  private final boolean refuseUnparseable;
  private final int rewriteCacheSize;
  private final boolean bindAsParameter;
  private final ParseLimits parseLimits;

  private CitusSettings(boolean enabled, boolean refuseUnparseable, int rewriteCacheSize, boolean bindAsParameter,
      ParseLimits parseLimits) {
    this.enabled = enabled;
    this.refuseUnparseable = refuseUnparseable;
    this.rewriteCacheSize = rewriteCacheSize;
    this.bindAsParameter = bindAsParameter;
    this.parseLimits = parseLimits;
  }

  /** Whether {@link #ENABLED} turns citus-hibernate off; read before the settings are validated. */
  static boolean isDisabled(Map<String, Object> properties) {
    Object enabled = properties.get(ENABLED);
    return enabled != null && "false".equalsIgnoreCase(enabled.toString().trim());
  }

  static CitusSettings from(Map<String, Object> properties) {
    boolean enabled = bool(properties, ENABLED, true);
    String unparseable = string(properties, UNPARSEABLE_STATEMENTS, "refuse");
    boolean refuse = switch (unparseable) {
      case "refuse" -> true;
      case "pass" -> false;
      default -> throw invalid(UNPARSEABLE_STATEMENTS, unparseable, "refuse or pass");
    };
    int size = positive(properties, REWRITE_CACHE_SIZE, 4096);
    ParseLimits limits = new ParseLimits(positive(properties, MAX_STATEMENT_LENGTH, ParseLimits.DEFAULT.maxLength()),
        positive(properties, MAX_STATEMENT_NESTING, ParseLimits.DEFAULT.maxNesting()));
    String binding = string(properties, TENANT_BINDING, "parameter");
    boolean parameter = switch (binding) {
      case "literal" -> false;
      case "parameter" -> true;
      default -> throw invalid(TENANT_BINDING, binding, "literal or parameter");
    };
    return new CitusSettings(enabled, refuse, size, parameter, limits);
  }

  boolean enabled() {
    return enabled;
  }

  boolean refuseUnparseable() {
    return refuseUnparseable;
  }

  int rewriteCacheSize() {
    return rewriteCacheSize;
  }

  boolean bindAsParameter() {
    return bindAsParameter;
  }

  ParseLimits parseLimits() {
    return parseLimits;
  }

  private static int positive(Map<String, Object> properties, String key, int fallback) {
    String v = string(properties, key, Integer.toString(fallback));
    try {
      int value = Integer.parseInt(v);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, v, "a positive integer");
  }

  private static boolean bool(Map<String, Object> properties, String key, boolean fallback) {
    String v = string(properties, key, Boolean.toString(fallback));
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, v, "true or false");
    };
  }

  private static String string(Map<String, Object> properties, String key, String fallback) {
    Object v = properties.get(key);
    return v == null ? fallback : v.toString().trim().toLowerCase(Locale.ROOT);
  }

  private static HibernateException invalid(String key, String value, String expected) {
    return new HibernateException("Invalid value '" + value + "' for Hibernate property " + key
        + ": expected " + expected);
  }
}
