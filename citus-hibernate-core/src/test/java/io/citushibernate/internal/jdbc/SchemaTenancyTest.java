package io.citushibernate.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.CitusSettings;
import io.citushibernate.InvalidSettingException;
import io.citushibernate.InvalidTenantException;
import io.citushibernate.MissingTenantException;
import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import io.citushibernate.internal.sql.StatementRewriter;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantSchemaNaming;
import io.citushibernate.tenant.TenantType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tenant schema names come from validated tenant values only, and statements without a tenant are refused. */
class SchemaTenancyTest {
  private static final StatementRewriter CARDS =
      new StatementRewriter(new TenantTables(List.of(new TenantTable(null, "cards", "tenant_id"))), 16, true);

  private static SchemaTenancy tenancy(TenantType type, Map<String, ?> settings) {
    return SchemaTenancy.from(settings, type, CARDS);
  }

  @Test
  void namesEachTenantsSchemaFromItsValidatedValue() {
    assertThat(tenancy(TenantType.LONG, Map.of()).schemaOf(42)).isEqualTo("tenant_42");
    assertThat(tenancy(TenantType.LONG, Map.of()).searchPath(42L)).isEqualTo("\"tenant_42\", \"public\"");
    assertThat(tenancy(TenantType.LONG, Map.of(CitusSettings.SCHEMA_SHARED, "app")).searchPath(null))
        .isEqualTo("\"app\"");
    UUID id = UUID.fromString("3f2c1d9e-0000-4000-8000-00000000abcd");
    assertThat(tenancy(TenantType.UUID, Map.of()).schemaOf(id)).isEqualTo("tenant_3f2c1d9e-0000-4000-8000-00000000abcd");
    assertThat(tenancy(TenantType.STRING, Map.of()).schemaOf("acme_2")).isEqualTo("tenant_acme_2");
  }

  @Test
  void refusesTenantValuesAndNamesThatCouldChangeTheName() {
    SchemaTenancy strings = tenancy(TenantType.STRING, Map.of());
    for (String bad : List.of("Acme", "a\"; drop schema public; --", "a b", "_x", "", "ä")) {
      assertThatThrownBy(() -> strings.schemaOf(bad)).as(bad).isInstanceOf(InvalidTenantException.class)
          .hasMessageContaining("citus.hibernate.schema.naming");
    }
    assertThatThrownBy(() -> strings.schemaOf("x".repeat(60))).isInstanceOf(InvalidTenantException.class)
        .hasMessageContaining("63-byte");
    assertThatThrownBy(() -> tenancy(TenantType.LONG, Map.of()).schemaOf("7")).isInstanceOf(InvalidTenantException.class);
    TenantSchemaNaming careless = (tenant, type) -> "Tenant " + tenant;
    assertThatThrownBy(() -> tenancy(TenantType.LONG, Map.of(CitusSettings.SCHEMA_NAMING, careless)).schemaOf(1L))
        .isInstanceOf(InvalidTenantException.class).hasMessageContaining("'Tenant 1'");
    TenantSchemaNaming system = (tenant, type) -> "pg_" + tenant;
    assertThatThrownBy(() -> tenancy(TenantType.LONG, Map.of(CitusSettings.SCHEMA_NAMING, system)).schemaOf(1L))
        .isInstanceOf(InvalidTenantException.class).hasMessageContaining("pg_");
    TenantSchemaNaming shared = (tenant, type) -> "public";
    assertThatThrownBy(() -> tenancy(TenantType.LONG, Map.of(CitusSettings.SCHEMA_NAMING, shared)).schemaOf(1L))
        .isInstanceOf(InvalidTenantException.class).hasMessageContaining(CitusSettings.SCHEMA_SHARED);
  }

  @Test
  void refusesInvalidSettingsNamingTheProperty() {
    assertThatThrownBy(() -> tenancy(TenantType.LONG, Map.of(CitusSettings.SCHEMA_SHARED, "my schema")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining(CitusSettings.SCHEMA_SHARED);
    assertThatThrownBy(() -> tenancy(TenantType.LONG, Map.of(CitusSettings.SCHEMA_NAMING, "no.such.Naming")))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining(CitusSettings.SCHEMA_NAMING);
    assertThatThrownBy(() -> io.citushibernate.internal.config.SettingValues.schemaTenancy(
        Map.of(CitusSettings.TENANCY, "schemas"))).isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(CitusSettings.TENANCY);
  }

  @Test
  void aStatementOnATenantTableNeedsATenant() {
    SchemaTenancy tenancy = tenancy(TenantType.LONG, Map.of());
    assertThatThrownBy(() -> tenancy.requireTenantFor("select * from cards")).isInstanceOf(MissingTenantException.class);
    assertThatThrownBy(() -> TenantContext.runCrossTenant("test", () -> tenancy.requireTenantFor("delete from cards")))
        .isInstanceOf(MissingTenantException.class).hasMessageContaining("CitusTenants.forEach");
    tenancy.requireTenantFor("select * from plans");
    TenantContext.run(1L, () -> tenancy.requireTenantFor("select * from cards"));
  }
}
