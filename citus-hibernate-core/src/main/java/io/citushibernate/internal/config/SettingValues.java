package io.citushibernate.internal.config;

import io.citushibernate.CitusSettings;
import io.citushibernate.InvalidSettingException;
import io.citushibernate.citus.SqlQuoting;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one way a citus-hibernate property is read: trimmed, case-insensitive, the default when it
 * is absent, an {@link InvalidSettingException} naming the property when its value is not one it
 * accepts.
 */
public final class SettingValues {
  private SettingValues() {
  }

  /** Whether {@link CitusSettings#ENABLED} turns citus-hibernate off. */
  public static boolean isDisabled(Map<String, ?> properties) {
    return !bool(properties, CitusSettings.ENABLED, true);
  }

  /** Whether {@link CitusSettings#TENANT_BINDING} puts the tenant in as a bind parameter (the default) rather than a literal. */
  public static boolean bindAsParameter(Map<String, ?> properties) {
    return choice(properties, CitusSettings.TENANT_BINDING, "parameter", Map.of("literal", false, "parameter", true));
  }

  /**
   * The level {@link CitusSettings#ROUTING_GUARD} gives Citus' {@code citus.multi_task_query_log_level}
   * on application connections, or {@code null} when the guard is off (the default).
   */
  public static String routingGuard(Map<String, ?> properties) {
    String level = choice(properties, CitusSettings.ROUTING_GUARD, "off",
        Map.of("off", "off", "log", "log", "warning", "warning", "error", "error"));
    return "off".equals(level) ? null : level;
  }

  /** Whether {@link CitusSettings#TENANCY} chooses schema-per-tenant rather than the row model (the default). */
  public static boolean schemaTenancy(Map<String, ?> properties) {
    return choice(properties, CitusSettings.TENANCY, "row", Map.of("row", false, "schema", true));
  }

  /**
   * The shared schema of schema mode ({@link CitusSettings#SCHEMA_SHARED}, default {@code public}):
   * a plain lower-case identifier, so that it is the same name quoted or not.
   */
  public static String sharedSchema(Map<String, ?> properties) {
    String value = string(properties, CitusSettings.SCHEMA_SHARED, "public");
    if (!PLAIN_IDENTIFIER.matcher(value).matches() || value.length() > MAX_IDENTIFIER_BYTES) {
      throw new InvalidSettingException(CitusSettings.SCHEMA_SHARED, value,
          "a schema name of lower-case letters, digits and underscores, starting with a letter or underscore, "
              + "at most " + MAX_IDENTIFIER_BYTES + " characters");
    }
    return value;
  }

  /** PostgreSQL's identifier limit, in bytes ({@code NAMEDATALEN - 1}); longer names are truncated silently. */
  private static final int MAX_IDENTIFIER_BYTES = SqlQuoting.MAX_IDENTIFIER_BYTES;
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  /** Whether {@link CitusSettings#SCHEMA_WHEN_CITUS_MISSING} fails the Citus steps on a database without Citus, rather than skips them (the default). */
  public static boolean failWhenCitusMissing(Map<String, ?> properties) {
    return choice(properties, CitusSettings.SCHEMA_WHEN_CITUS_MISSING, "skip", Map.of("skip", false, "fail", true));
  }

  public static boolean bool(Map<String, ?> properties, String key, boolean fallback) {
    return choice(properties, key, Boolean.toString(fallback), Map.of("true", true, "false", false));
  }

  /** The value of {@code key} among {@code options} (keys in lower case), {@code fallback}'s when absent. */
  public static <T> T choice(Map<String, ?> properties, String key, String fallback, Map<String, T> options) {
    String value = string(properties, key, fallback);
    T chosen = options.get(value);
    if (chosen == null) {
      throw new InvalidSettingException(key, value, String.join(" or ", options.keySet().stream().sorted().toList()));
    }
    return chosen;
  }

  public static int positive(Map<String, ?> properties, String key, int fallback) {
    String value = string(properties, key, Integer.toString(fallback));
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // refused below, with the property's name
    }
    throw new InvalidSettingException(key, value, "a positive integer");
  }

  private static String string(Map<String, ?> properties, String key, String fallback) {
    Object value = properties.get(key);
    return value == null ? fallback : value.toString().trim().toLowerCase(Locale.ROOT);
  }
}
