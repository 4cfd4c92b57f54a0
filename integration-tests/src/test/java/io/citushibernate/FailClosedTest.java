package io.citushibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.CitusSettings;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testkit.RoutingCheck;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nothing reaches a tenant table unscoped: without a tenant, or unreadable, it is refused. */
class FailClosedTest {
  static AdAnalytics db;

  @BeforeAll
  static void load() {
    db = AdAnalytics.loaded();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aQueryWithoutTenantIsRefusedAndNamesTheTable() {
    db.clearStatements();
    assertThatThrownBy(() -> db.sessionFactory.inSession(s ->
        s.createQuery("from Campaign", Campaign.class).getResultList()))
        .isInstanceOf(MissingTenantException.class)
        .hasMessageContaining("tenant tables").hasMessageContaining("FROM campaigns")
        .hasMessageContaining("TenantContext.run(tenantId, ...)");
    assertThat(db.statements()).isEmpty();
  }

  @Test
  void nativeSqlWithoutTenantIsRefused() {
    assertThatThrownBy(() -> db.sessionFactory.inSession(s ->
        s.createNativeQuery("select count(*) from ads", Long.class).getSingleResult()))
        .isInstanceOf(MissingTenantException.class)
        .hasMessageContaining("tenant tables").hasMessageContaining("FROM ads");
  }

  @Test
  void referenceAndLocalTablesNeedNoTenant() {
    Long geo = db.sessionFactory.fromSession(s ->
        s.createQuery("select count(g) from GeoIp g", Long.class).getSingleResult());
    Long notes = db.sessionFactory.fromSession(s ->
        s.createQuery("select count(n) from AuditNote n", Long.class).getSingleResult());
    assertThat(geo).isEqualTo(2L);
    assertThat(notes).isZero();
  }

  @Test
  void theCrossTenantEscapeHatchSeesEveryTenant() {
    // multi-shard on purpose: the cross-tenant scope reads every tenant
    Long all = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("test: all campaigns",
        () -> db.sessionFactory.fromSession(s ->
            s.createQuery("select count(c) from Campaign c", Long.class).getSingleResult())));
    assertThat(all).isEqualTo(2L + 3 + 4);
  }

  @Test
  void unparseableSqlOnATenantTableIsRefused() {
    db.clearStatements();
    assertThatThrownBy(() -> TenantContext.run(1L, () -> db.sessionFactory.inSession(s ->
        s.createNativeQuery("select c.name from campaigns c where c.name operator(pg_catalog.~~) 'c%'", Object[].class)
            .getResultList())))
        .isInstanceOf(UnscopableStatementException.class)
        .hasMessageContaining("[campaigns]")
        .hasMessageContaining("was not sent");
    assertThatThrownBy(() -> TenantContext.run(1L, () -> db.sessionFactory.inSession(s ->
        s.createNativeQuery("select * from campaigns where id = 1; delete from campaigns", Object[].class)
            .getResultList())))
        .isInstanceOf(UnscopableStatementException.class)
        .hasMessageContaining("[campaigns]");
    assertThat(db.statements()).isEmpty();
  }

  @Test
  void unparseableSqlCanBeLetThroughByProperty() {
    try (AdAnalytics relaxed = AdAnalytics.empty(Map.of(CitusSettings.UNPARSEABLE_STATEMENTS, "pass"))) {
      relaxed.load();
      relaxed.clearStatements();
      // the parser cannot read OPERATOR(...) syntax: with "pass" the statement runs as written, unscoped
      // multi-shard on purpose: "pass" sends the statement unscoped
      List<Object> rows = RoutingCheck.allowMultiShard(() -> TenantContext.get(1L, () ->
          relaxed.sessionFactory.fromSession(s -> s.createNativeQuery(
              "select c.name from campaigns c where c.name operator(pg_catalog.~~) 'c%'", Object.class)
              .getResultList())));
      assertThat(rows).hasSize(2 + 3 + 4);
      assertThat(relaxed.statements()).singleElement().asString().doesNotContain("company_id");
    }
  }

  @Test
  void aTenantOfTheWrongTypeIsRefusedBeforeAnySql() {
    db.clearStatements();
    assertThatThrownBy(() -> TenantContext.run(UUID.randomUUID(), () -> db.sessionFactory.inSession(s ->
        s.createQuery("from Campaign", Campaign.class).getResultList())))
        .isInstanceOf(InvalidTenantException.class)
        .hasMessageContaining("does not match the tenant key type java.lang.Long");
    assertThatThrownBy(() -> TenantContext.run("1; drop table campaigns", () -> db.sessionFactory.inSession(s ->
        s.createQuery("from Campaign", Campaign.class).getResultList())))
        .isInstanceOf(InvalidTenantException.class);
    assertThat(db.statements()).isEmpty();
  }

  @Test
  void invalidSettingsAreNamed() {
    assertThatThrownBy(() -> AdAnalytics.empty(Map.of(CitusSettings.REWRITE_CACHE_SIZE, "lots")))
        .isInstanceOf(HibernateException.class)
        .hasStackTraceContaining("citus.hibernate.rewrite_cache_size");
  }

  @Test
  void citusHibernateCanBeDisabled() {
    try (AdAnalytics plain = AdAnalytics.empty(Map.of(CitusSettings.ENABLED, "false"))) {
      // multi-shard on purpose: with citus-hibernate off, nothing scopes the statement
      Long count = RoutingCheck.allowMultiShard(() -> plain.sessionFactory.fromSession(s ->
          s.createQuery("select count(c) from Campaign c", Long.class).getSingleResult()));
      assertThat(count).isZero();
    }
  }
}
