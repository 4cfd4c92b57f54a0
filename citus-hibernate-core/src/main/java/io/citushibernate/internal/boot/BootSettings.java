package io.citushibernate.internal.boot;

import io.citushibernate.CitusSettings;
import io.citushibernate.internal.config.SettingValues;
import io.citushibernate.internal.sql.RewriterSettings;
import java.util.Map;

/** The {@link CitusSettings} the integrator wires with, validated once at boot. */
record BootSettings(boolean enabled, RewriterSettings rewriter, boolean bindAsParameter, boolean schemaTenancy) {

  static BootSettings from(Map<String, Object> properties) {
    boolean enabled = !SettingValues.isDisabled(properties);
    RewriterSettings rewriter = RewriterSettings.from(properties);
    boolean parameter = SettingValues.bindAsParameter(properties);
    return new BootSettings(enabled, rewriter, parameter, SettingValues.schemaTenancy(properties));
  }

  int rewriteCacheSize() {
    return rewriter.cacheSize();
  }
}
