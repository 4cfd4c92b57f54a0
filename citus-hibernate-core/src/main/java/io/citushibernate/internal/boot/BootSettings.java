package io.citushibernate.internal.boot;

import io.citushibernate.CitusSettings;
import io.citushibernate.internal.config.SettingValues;
import io.citushibernate.internal.sql.RewriterSettings;
import io.citushibernate.tenant.TenantType;
import java.util.Map;

/** The {@link CitusSettings} the integrator wires with, validated once at boot. */
record BootSettings(boolean enabled, RewriterSettings rewriter, boolean bindAsParameter, boolean schemaTenancy,
    TenantType schemaTenantType) {

  static BootSettings from(Map<String, Object> properties) {
    boolean enabled = !SettingValues.isDisabled(properties);
    RewriterSettings rewriter = RewriterSettings.from(properties);
    boolean parameter = SettingValues.bindAsParameter(properties);
    return new BootSettings(enabled, rewriter, parameter, SettingValues.schemaTenancy(properties),
        schemaTenantType(properties));
  }

  /** The tenant type {@link CitusSettings#SCHEMA_TENANT_TYPE} names, {@code null} when it is not set. */
  private static TenantType schemaTenantType(Map<String, Object> properties) {
    return properties.get(CitusSettings.SCHEMA_TENANT_TYPE) == null ? null
        : SettingValues.choice(properties, CitusSettings.SCHEMA_TENANT_TYPE, "long", Map.of("long", TenantType.LONG,
            "int", TenantType.INTEGER, "uuid", TenantType.UUID, "string", TenantType.STRING));
  }

  int rewriteCacheSize() {
    return rewriter.cacheSize();
  }
}
