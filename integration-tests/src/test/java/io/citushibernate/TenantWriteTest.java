package io.citushibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testkit.RoutingCheck;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes land under the current tenant, and nothing else does. */
class TenantWriteTest {
  static AdAnalytics db;

  @BeforeAll
  static void load() {
    db = AdAnalytics.loaded();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void clearLog() {
    db.clearStatements();
  }

  @Test
  void persistFillsABasicTenantKey() {
    Campaign campaign = new Campaign("new", "running", 10);
    TenantContext.run(2L, () -> db.inTransaction(s -> s.persist(campaign)));
    assertThat(campaign.getCompanyId()).isEqualTo(2L);
    assertThat(storedTenant("campaigns", campaign.getId())).isEqualTo(2L);
  }

  @Test
  void persistFillsAManyToOneTenantKey() {
    Long adId = TenantContext.get(3L, () -> db.sessionFactory.fromTransaction(s -> {
      Campaign campaign = s.createQuery("from Campaign where name = 'c3-0'", Campaign.class).getSingleResult();
      Ad ad = new Ad(campaign, "filled", 0, 0);
      s.persist(ad);
      assertThat(ad.getCompany().getId()).isEqualTo(3L);
      return ad.getId();
    }));
    assertThat(storedTenant("ads", adId)).isEqualTo(3L);
  }

  @Test
  void persistingAnotherTenantsEntitySendsNothing() {
    Campaign foreign = new Campaign("foreign", "running", 1);
    foreign.setCompanyId(1L);
    assertThatThrownBy(() -> TenantContext.run(2L, () -> db.inTransaction(s -> s.persist(foreign))))
        .isInstanceOf(TenantMismatchException.class)
        .hasMessageContaining("Campaign belongs to tenant 1, but the current tenant is 2");
    assertThat(inserts()).isEmpty();
  }

  @Test
  void mergingAnotherTenantsEntitySendsNothing() {
    Campaign detached = TenantContext.get(1L, () -> db.sessionFactory.fromSession(s ->
        s.createQuery("from Campaign where name = 'c1-0'", Campaign.class).getSingleResult()));
    detached.setName("stolen");
    db.clearStatements();
    assertThatThrownBy(() -> TenantContext.run(2L, () -> db.inTransaction(s -> s.merge(detached))))
        .isInstanceOf(TenantMismatchException.class)
        .hasMessageContaining("#" + detached.getId() + " belongs to tenant 1");
    assertThat(db.statements()).isEmpty();
  }

  @Test
  void changingTheTenantKeyOfAManagedEntityFailsAtFlushBeforeAnySql() {
    assertThatThrownBy(() -> TenantContext.run(2L, () -> db.inTransaction(s -> {
      Campaign campaign = s.createQuery("from Campaign where name = 'c2-0'", Campaign.class).getSingleResult();
      campaign.setName("renamed");
      campaign.setCompanyId(3L);
      db.clearStatements();
    })))
        .isInstanceOf(TenantMismatchException.class)
        .hasMessageContaining("tenant key companyId changed from 2 to 3");
    assertThat(db.statements()).noneMatch(sql -> sql.toLowerCase().startsWith("update"));
  }

  @Test
  void movingAnAssociationTenantKeyFails() {
    assertThatThrownBy(() -> TenantContext.run(2L, () -> db.inTransaction(s -> {
      Ad ad = s.createQuery("from Ad where name = 'ad2-0-0'", Ad.class).getSingleResult();
      ad.setCompany(s.getReference(Company.class, 3L));
    })))
        .isInstanceOf(TenantMismatchException.class)
        .hasMessageContaining("tenant key company changed from 2 to 3");
  }

  @Test
  void removingAnotherTenantsEntityFails() {
    Campaign detached = TenantContext.get(1L, () -> db.sessionFactory.fromSession(s ->
        s.createQuery("from Campaign where name = 'c1-0'", Campaign.class).getSingleResult()));
    assertThatThrownBy(() -> TenantContext.run(2L, () -> db.inTransaction(s -> s.remove(s.merge(detached)))))
        .isInstanceOf(TenantMismatchException.class);
  }

  @Test
  void aNativeInsertWithoutTheTenantColumnGetsIt() {
    TenantContext.run(3L, () -> db.inTransaction(s -> s.createNativeMutationQuery(
        "insert into campaigns (id, name, cost_model, state, created_at, updated_at) "
            + "values (900001, 'native', 'cpc', 'running', now(), now())").executeUpdate()));
    assertThat(inserts()).singleElement().asString().contains("company_id").contains(", 3)");
    assertThat(storedTenant("campaigns", 900001L)).isEqualTo(3L);
  }

  @Test
  void aNativeInsertForAnotherTenantIsRefused() {
    assertThatThrownBy(() -> TenantContext.run(3L, () -> db.inTransaction(s -> s.createNativeMutationQuery(
        "insert into campaigns (id, company_id, name, cost_model, state, created_at, updated_at) "
            + "values (900002, 1, 'native', 'cpc', 'running', now(), now())").executeUpdate())))
        .isInstanceOf(TenantMismatchException.class)
        .hasMessageContaining("writes tenant value 1")
        .hasMessageContaining("current tenant is 3");
    assertThat(inserts()).isEmpty();
  }

  @Test
  void aCrossTenantPersistNeedsAnExplicitTenant() {
    assertThatThrownBy(() -> TenantContext.runCrossTenant("test", () -> db.inTransaction(s ->
        s.persist(new Campaign("orphan", "running", 1)))))
        .isInstanceOf(MissingTenantException.class)
        .hasMessageContaining("set companyId explicitly");
  }

  @Test
  void aTenantEntityCanOnlyBeCreatedForItsOwnTenant() {
    assertThatThrownBy(() -> TenantContext.run(2L, () -> db.inTransaction(s -> s.persist(new Company(99L, "x")))))
        .isInstanceOf(TenantMismatchException.class)
        .hasMessageContaining("Company belongs to tenant 99");
    TenantContext.run(4L, () -> db.inTransaction(s -> s.persist(new Company(4L, "Company 4"))));
    Company created = TenantContext.get(4L, () -> db.sessionFactory.fromSession(s -> s.find(Company.class, 4L)));
    assertThat(created).isNotNull();
  }

  /** The tenant a row was stored under, looked up by id in every tenant: multi-shard on purpose. */
  private static Long storedTenant(String table, long id) {
    return RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("test: read back",
        () -> db.sessionFactory.fromSession(s -> s.createNativeQuery(
            "select company_id from " + table + " where id = :id", Long.class).setParameter("id", id)
            .getSingleResult())));
  }

  private static List<String> inserts() {
    return db.statements().stream().filter(sql -> sql.toLowerCase().startsWith("insert")).toList();
  }
}
