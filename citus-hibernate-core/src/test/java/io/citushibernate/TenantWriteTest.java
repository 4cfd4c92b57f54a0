package io.citushibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.model.Ad;
import io.citushibernate.model.Campaign;
import io.citushibernate.model.Company;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.tenant.TenantContext;
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
    db.dataSource.clear();
  }

  @Test
  void persistFillsABasicTenantKey() {
    Campaign campaign = new Campaign("new", "running", 10);
    TenantContext.run(2L, () -> db.inTransaction(s -> s.persist(campaign)));
    assertThat(campaign.getCompanyId()).isEqualTo(2L);
    Long stored = TenantContext.getCrossTenant("test: read back", () -> db.sessionFactory.fromSession(s ->
        s.createNativeQuery("select company_id from campaigns where id = :id", Long.class)
            .setParameter("id", campaign.getId()).getSingleResult()));
    assertThat(stored).isEqualTo(2L);
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
    Long stored = TenantContext.getCrossTenant("test: read back", () -> db.sessionFactory.fromSession(s ->
        s.createNativeQuery("select company_id from ads where id = :id", Long.class)
            .setParameter("id", adId).getSingleResult()));
    assertThat(stored).isEqualTo(3L);
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
    db.dataSource.clear();
    assertThatThrownBy(() -> TenantContext.run(2L, () -> db.inTransaction(s -> s.merge(detached))))
        .isInstanceOf(TenantMismatchException.class)
        .hasMessageContaining("#" + detached.getId() + " belongs to tenant 1");
    assertThat(db.dataSource.statements()).isEmpty();
  }

  @Test
  void changingTheTenantKeyOfAManagedEntityFailsAtFlushBeforeAnySql() {
    assertThatThrownBy(() -> TenantContext.run(2L, () -> db.inTransaction(s -> {
      Campaign campaign = s.createQuery("from Campaign where name = 'c2-0'", Campaign.class).getSingleResult();
      campaign.setName("renamed");
      campaign.setCompanyId(3L);
      db.dataSource.clear();
    })))
        .isInstanceOf(TenantMismatchException.class)
        .hasMessageContaining("tenant key companyId changed from 2 to 3");
    assertThat(db.dataSource.statements()).noneMatch(sql -> sql.toLowerCase().startsWith("update"));
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
    Long stored = TenantContext.getCrossTenant("test: read back", () -> db.sessionFactory.fromSession(s ->
        s.createNativeQuery("select company_id from campaigns where id = 900001", Long.class).getSingleResult()));
    assertThat(stored).isEqualTo(3L);
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

  private static List<String> inserts() {
    return db.dataSource.statements().stream().filter(sql -> sql.toLowerCase().startsWith("insert")).toList();
  }
}
