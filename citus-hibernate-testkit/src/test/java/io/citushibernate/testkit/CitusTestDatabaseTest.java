package io.citushibernate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.AuditNote;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Click;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.fixtures.adanalytics.GeoIp;
import io.citushibernate.tenant.TenantContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** The programmatic entry point: a database per call, same server and routing check as {@code @CitusTest}. */
class CitusTestDatabaseTest {
  private static final List<Class<?>> ENTITIES = List.of(Company.class, Campaign.class, Ad.class, Click.class,
      GeoIp.class, AuditNote.class);

  @Test
  void opensASchemaWithASessionFactoryAndDropsItOnClose() throws SQLException {
    String schema;
    CitusDatabase.Kind kind;
    try (CitusTestDatabase db = CitusTestDatabase.create().entities(ENTITIES).poolSize(3).open()) {
      schema = db.schema();
      kind = db.kind();
      assertThat(schema).startsWith("ctk_");
      assertThat(db.isCitus()).isEqualTo(kind.isCitus());
      AdAnalyticsFixture.load(db.sessionFactory(), 2);
      long campaigns = TenantContext.get(2L, () -> db.sessionFactory().fromSession(s -> s.createSelectionQuery(
          "select count(c) from Campaign c", Long.class).getSingleResult()));
      assertThat(campaigns).isEqualTo(2L);
      assertThat(db.statements()).anyMatch(sql -> sql.toLowerCase().startsWith("insert into ads"))
          .last().asString().contains("campaigns");
      db.clearStatements();
      assertThat(db.statements()).isEmpty();
      db.truncateAll();
      assertThat(count(db, "select count(*) from companies where id = 1")).isZero();
    }
    try (CitusTestDatabase other = CitusTestDatabase.create().open()) {
      assertThat(other.schema()).isNotEqualTo(schema);
      assertThat(other.kind()).isEqualTo(kind);
      assertThat(count(other, "select count(*) from pg_namespace where nspname = '" + schema + "'")).isZero();
      assertThatThrownBy(other::sessionFactory).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("entities");
    }
  }

  @Test
  void anUnscopedQueryFailsTheRoutingCheckUnlessAllowedOrCrossTenant() {
    try (CitusTestDatabase db = CitusTestDatabase.create().entities(ENTITIES).open()) {
      SessionFactory sessions = db.sessionFactory();
      AdAnalyticsFixture.load(sessions, 2);
      String sql = "select count(*) from campaigns where state = 'running'";
      assertThatThrownBy(() -> count(db, sql))
          .hasStackTraceContaining("Multi-shard statement refused")
          .hasStackTraceContaining(sql);
      assertThat(RoutingCheck.allowMultiShard(() -> {
        try {
          return count(db, sql);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      })).isEqualTo(2L);
      List<String> names = TenantContext.getCrossTenant("test: analytics", () -> sessions.fromSession(s ->
          s.createNativeQuery("select name from campaigns where state = 'running'", String.class).list()));
      assertThat(names).hasSize(2);
      long own = TenantContext.get(1L, () -> sessions.fromSession(s -> s.createNativeQuery(
          "select count(*) from campaigns", Long.class).getSingleResult()));
      assertThat(own).isEqualTo(1L);
    }
  }

  @Test
  void theRoutingCheckCanBeTurnedOff() {
    try (CitusTestDatabase db = CitusTestDatabase.create().entities(ENTITIES).routingCheck(false).open()) {
      AdAnalyticsFixture.load(db.sessionFactory(), 2);
      long all = TenantContext.getCrossTenant("test: no routing check", () -> db.sessionFactory().fromSession(s ->
          s.createNativeQuery("select count(*) from ads", Long.class).getSingleResult()));
      assertThat(all).isEqualTo(2 + 4L);
    }
  }

  @Test
  void hibernateAndConnectionPropertiesApply() throws SQLException {
    try (CitusTestDatabase db = CitusTestDatabase.create().entities(ENTITIES)
        .property("citus.hibernate.tenant_binding", "literal")
        .connectionProperty("ApplicationName", "ctk-programmatic").open()) {
      TenantContext.run(7L, () -> db.sessionFactory().inSession(s -> s.createSelectionQuery(
          "select count(c) from Campaign c", Long.class).getSingleResult()));
      assertThat(db.statements()).singleElement().asString().contains("company_id = 7");
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select current_setting('application_name')")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ctk-programmatic");
      }
    }
  }

  @Test
  void aFailedBuildThrows() {
    assertThatThrownBy(() -> CitusTestDatabase.create().entities(ENTITIES)
        .property("citus.hibernate.rewrite_cache_size", "lots").open())
        .hasStackTraceContaining("citus.hibernate.rewrite_cache_size");
  }

  private static long count(CitusDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
