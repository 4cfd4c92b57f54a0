package io.citushibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testing.Routing;
import io.citushibernate.testing.SecondLevelCache;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Another tenant's rows stay invisible, whatever cache or lazy path the read takes. */
class TenantLeakTest {
  static AdAnalytics db;
  static Long campaignOfTenant1;

  @BeforeAll
  static void load() {
    db = AdAnalytics.loaded();
    campaignOfTenant1 = TenantContext.get(1L, () -> db.sessionFactory.fromSession(s ->
        s.createQuery("select c.id from Campaign c where c.name = 'c1-0'", Long.class).getSingleResult()));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void findingAnotherTenantsRowByIdReturnsNothing() {
    db.sessionFactory.getCache().evictAll();
    db.clearStatements();
    Campaign found = TenantContext.get(2L, () -> db.sessionFactory.fromSession(s ->
        s.find(Campaign.class, campaignOfTenant1)));
    assertThat(found).isNull();
    assertThat(db.statements()).last().asString().contains("company_id = 2");
  }

  @Test
  void anotherTenantWarmedTheSecondLevelCache() {
    TenantContext.run(1L, () -> db.sessionFactory.inSession(s ->
        assertThat(s.find(Campaign.class, campaignOfTenant1)).isNotNull()));
    assertThat(SecondLevelCache.containsEntity(db.sessionFactory, Campaign.class, campaignOfTenant1, 1L)).isTrue();
    db.clearStatements();

    Campaign found = TenantContext.get(2L, () -> db.sessionFactory.fromSession(s ->
        s.find(Campaign.class, campaignOfTenant1)));
    assertThat(found).isNull();
    Company company = Routing.analyzerBlindSpot(db.database, "tenant 2's scope on tenant 1's id pins companies to "
        + "two values at once, which Citus prunes to no shard", () -> TenantContext.get(2L, () ->
            db.sessionFactory.fromSession(s -> s.find(Company.class, 1L))));
    assertThat(company).isNull();
  }

  @Test
  void aSessionOfOneTenantRefusesAnotherTenantBeforeItsFirstLevelCacheCanAnswer() {
    try (Session s = TenantContext.get(1L, db.sessionFactory::openSession)) {
      Campaign own = TenantContext.get(1L, () -> s.find(Campaign.class, campaignOfTenant1));
      assertThat(own).isNotNull();
      db.clearStatements();
      assertThatThrownBy(() -> TenantContext.run(2L, () -> s.find(Campaign.class, campaignOfTenant1)))
          .isInstanceOf(TenantMismatchException.class)
          .hasMessageContaining("opened for tenant 1").hasMessageContaining("for tenant 2");
      assertThat(db.statements()).isEmpty();
    }
  }

  @Test
  void aLazyCollectionCannotLoadAcrossTenants() {
    try (Session s = TenantContext.get(1L, db.sessionFactory::openSession)) {
      Campaign campaign = TenantContext.get(1L, () -> s.find(Campaign.class, campaignOfTenant1));
      assertThat(Hibernate.isInitialized(campaign.getAds())).isFalse();
      assertThatThrownBy(() -> TenantContext.run(2L, () -> Hibernate.initialize(campaign.getAds())))
          .isInstanceOf(TenantMismatchException.class)
          .hasMessageContaining("Campaign.ads")
          .hasMessageContaining("opened for tenant 1");
      int size = TenantContext.get(1L, () -> campaign.getAds().size());
      assertThat(size).isEqualTo(2);
    }
  }

  @Test
  void aLazyToOneCannotLoadAcrossTenants() {
    try (Session s = TenantContext.get(1L, db.sessionFactory::openSession)) {
      Ad ad = TenantContext.get(1L, () -> s.createQuery("select a from Ad a where a.name = 'ad1-0-0'", Ad.class)
          .getSingleResult());
      Campaign campaign = ad.getCampaign();
      assertThat(Hibernate.isInitialized(campaign)).isFalse();
      assertThatThrownBy(() -> TenantContext.run(2L, () -> Hibernate.initialize(campaign)))
          .isInstanceOf(TenantMismatchException.class).hasMessageContaining("opened for tenant 1");
    }
  }

  @Test
  void withoutTenantEvenCachedEntitiesAreRefused() {
    TenantContext.run(1L, () -> db.sessionFactory.inSession(s -> s.find(Campaign.class, campaignOfTenant1)));
    assertThatThrownBy(() -> db.sessionFactory.inSession(s -> s.find(Campaign.class, campaignOfTenant1)))
        .isInstanceOf(MissingTenantException.class)
        .hasMessageContaining("TenantContext.run");
  }
}
