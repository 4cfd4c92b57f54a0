package io.citushibernate.internal.boot;

import io.citushibernate.CitusSettings;
import io.citushibernate.internal.config.SettingValues;
import io.citushibernate.internal.sql.ParseLimits;
import java.util.Map;

/** The {@link CitusSettings} the integrator wires with, validated once at boot. */
record BootSettings(boolean enabled, boolean refuseUnparseable, int rewriteCacheSize, boolean bindAsParameter,
    ParseLimits parseLimits) {

  static BootSettings from(Map<String, Object> properties) {
    boolean enabled = !SettingValues.isDisabled(properties);
    boolean refuse = SettingValues.choice(properties, CitusSettings.UNPARSEABLE_STATEMENTS, "refuse",
        Map.of("refuse", true, "pass", false));
    int size = SettingValues.positive(properties, CitusSettings.REWRITE_CACHE_SIZE, 4096);
    ParseLimits limits = new ParseLimits(
        SettingValues.positive(properties, CitusSettings.MAX_STATEMENT_LENGTH, ParseLimits.DEFAULT.maxLength()),
        SettingValues.positive(properties, CitusSettings.MAX_STATEMENT_NESTING, ParseLimits.DEFAULT.maxNesting()));
    boolean parameter = SettingValues.choice(properties, CitusSettings.TENANT_BINDING, "parameter",
        Map.of("literal", false, "parameter", true));
    return new BootSettings(enabled, refuse, size, parameter, limits);
  }
}
