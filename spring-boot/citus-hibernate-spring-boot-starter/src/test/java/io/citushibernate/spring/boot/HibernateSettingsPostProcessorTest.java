package io.citushibernate.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.CitusSettings;
import io.citushibernate.InvalidSettingException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class HibernateSettingsPostProcessorTest {
  @Test
  void bootPropertiesBecomeTheLibrarysHibernateSettings() {
    CitusHibernateProperties properties = bind(Map.of(
        "citus.hibernate.rewrite-cache-size", "512",
        "citus.hibernate.tenant-binding", "literal",
        "citus.hibernate.schema.when-citus-missing", "fail"));
    assertThat(properties.hibernateSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "citus.hibernate.rewrite_cache_size", "512",
        "citus.hibernate.tenant_binding", "literal",
        "citus.hibernate.schema.when_citus_missing", "fail"));
  }

  @Test
  void schemaTenancyPropertiesBecomeTheCoresSettingsByRelaxedBinding() {
    CitusHibernateProperties properties = bind(Map.of(
        "citus.hibernate.tenancy", "schema",
        "citus.hibernate.schema.shared", "app",
        "citus.hibernate.schema.naming", "com.example.Naming",
        "citus.hibernate.schema.tenantType", "uuid"));
    assertThat(properties.hibernateSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
        CitusSettings.TENANCY, "schema",
        CitusSettings.SCHEMA_SHARED, "app",
        CitusSettings.SCHEMA_NAMING, "com.example.Naming",
        CitusSettings.SCHEMA_TENANT_TYPE, "uuid"));
    assertThat(properties.schemaTenancy()).isTrue();
    assertThat(bind(Map.of()).schemaTenancy()).isFalse();
    assertThat(bind(Map.of("citus.hibernate.tenancy", "row")).schemaTenancy()).isFalse();
  }

  @Test
  void anInvalidTenancyFailsNamingTheSetting() {
    assertThatThrownBy(() -> bind(Map.of("citus.hibernate.tenancy", "schemas")).schemaTenancy())
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining(CitusSettings.TENANCY);
  }

  @Test
  void aSettingGivenTwiceDifferentlyIsAConflictNotASilentChoice() {
    Map<String, Object> jpa = new HashMap<>(Map.of("citus.hibernate.tenant_binding", "parameter"));
    HibernateSettingsPostProcessor.addSettings(jpa, Map.of("citus.hibernate.rewrite_cache_size", "64"), "emf");
    assertThat(jpa).containsEntry("citus.hibernate.rewrite_cache_size", "64");
    HibernateSettingsPostProcessor.addSettings(jpa, Map.of("citus.hibernate.tenant_binding", "parameter"), "emf");
    assertThatThrownBy(() -> HibernateSettingsPostProcessor.addSettings(jpa,
        Map.of("citus.hibernate.tenant_binding", "literal"), "emf"))
        .hasMessageContaining("citus.hibernate.tenant_binding").hasMessageContaining("spring.jpa.properties");
  }

  private static CitusHibernateProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("citus.hibernate", CitusHibernateProperties.class);
  }
}
