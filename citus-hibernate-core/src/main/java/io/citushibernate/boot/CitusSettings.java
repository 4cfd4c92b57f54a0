package io.citushibernate.boot;

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

  private final boolean enabled;
  private final boolean refuseUnparseable;
  private final int rewriteCacheSize;
  private final boolean bindAsParameter;

  private CitusSettings(boolean enabled, boolean refuseUnparseable, int rewriteCacheSize, boolean bindAsParameter) {
    this.enabled = enabled;
    this.refuseUnparseable = refuseUnparseable;
    this.rewriteCacheSize = rewriteCacheSize;
    this.bindAsParameter = bindAsParameter;
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
    String cache = string(properties, REWRITE_CACHE_SIZE, "4096");
    int size;
    try {
      size = Integer.parseInt(cache);
    } catch (NumberFormatException e) {
      throw invalid(REWRITE_CACHE_SIZE, cache, "a positive integer");
    }
    if (size < 1) {
      throw invalid(REWRITE_CACHE_SIZE, cache, "a positive integer");
    }
    String binding = string(properties, TENANT_BINDING, "parameter");
    boolean parameter = switch (binding) {
      case "literal" -> false;
      case "parameter" -> true;
      default -> throw invalid(TENANT_BINDING, binding, "literal or parameter");
    };
    return new CitusSettings(enabled, refuse, size, parameter);
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
