package io.citushibernate.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.CitusSettings;
import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testing.Routing;
import io.citushibernate.testing.SecondLevelCache;
import io.citushibernate.testkit.RoutingCheck;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second-level cache and the query cache never hand one tenant what another tenant put there.
 * Hibernate keys a cached query result by the SQL it generated before the statement inspector
 * scoped it, so without care tenant 2 would get tenant 1's result without any SQL being sent.
 */
class CacheIsolationTest {
  static final Map<String, AdAnalytics> DBS = new java.util.HashMap<>();

  @BeforeAll
  static void load() {
    for (String binding : List.of("literal", "parameter")) {
      AdAnalytics db = AdAnalytics.empty(Map.of(
          "hibernate.cache.use_query_cache", "true",
          "hibernate.generate_statistics", "true",
          // the caching provider's cache manager is JVM-wide: keep the two factories' regions apart
          "hibernate.cache.region_prefix", "cache-isolation-" + binding,
          CitusSettings.TENANT_BINDING, binding));
      db.load();
      DBS.put(binding, db);
    }
  }

  @AfterAll
  static void close() {
    DBS.values().forEach(AdAnalytics::close);
  }

  @BeforeEach
  void cold() {
    DBS.values().forEach(db -> {
      db.sessionFactory.getCache().evictAll();
      db.clearStatements();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"literal", "parameter"})
  void aCachedScalarResultIsNotServedToAnotherTenant(String binding) {
    AdAnalytics db = DBS.get(binding);
    String count = "select count(c) from Campaign c";
    // company t has t + 1 campaigns
    assertThat(cachedLong(db, 1L, count)).isEqualTo(2L);
    db.clearStatements();
    assertThat(cachedLong(db, 1L, count)).as("same tenant, second time: a cache hit").isEqualTo(2L);
    assertThat(db.statements()).as("the cache is really in use").isEmpty();

    assertThat(cachedLong(db, 2L, count)).as("tenant 2 after tenant 1 cached the count").isEqualTo(3L);
    assertThat(cachedLong(db, 3L, count)).isEqualTo(4L);
    assertThat(cachedLong(db, 1L, count)).isEqualTo(2L);
    // multi-shard on purpose: a cross-tenant scope caches the count of every tenant
    Long all = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("test: count all",
        () -> db.sessionFactory.fromSession(s -> s.createQuery(count, Long.class).setCacheable(true)
            .getSingleResult())));
    assertThat(all).isEqualTo(2L + 3 + 4);
    assertThat(cachedLong(db, 2L, count)).as("tenant 2 after a cross-tenant scope cached the count").isEqualTo(3L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"literal", "parameter"})
  void aCachedEntityResultIsNotServedToAnotherTenant(String binding) {
    AdAnalytics db = DBS.get(binding);
    for (int round = 0; round < 2; round++) {
      for (long tenant : AdAnalytics.TENANTS) {
        List<Campaign> campaigns = TenantContext.get(tenant, () -> db.sessionFactory.fromSession(s ->
            s.createQuery("select c from Campaign c order by c.id", Campaign.class).setCacheable(true)
                .getResultList()));
        assertThat(campaigns).hasSize((int) tenant + 1)
            .allSatisfy(c -> assertThat(c.getCompanyId()).isEqualTo(tenant));
        List<Ad> ads = TenantContext.get(tenant, () -> db.sessionFactory.fromSession(s -> {
          CriteriaBuilder cb = s.getCriteriaBuilder();
          CriteriaQuery<Ad> q = cb.createQuery(Ad.class);
          Root<Ad> ad = q.from(Ad.class);
          q.select(ad).where(cb.ge(ad.get("clicksCount"), 0L));
          List<Ad> found = s.createQuery(q).setCacheable(true).getResultList();
          found.forEach(a -> Hibernate.initialize(a.getCampaign()));
          return found;
        }));
        assertThat(ads).hasSize((int) ((tenant + 1) * (tenant + 1)))
            .allSatisfy(a -> assertThat(a.getCompany().getId()).isEqualTo(tenant))
            .allSatisfy(a -> assertThat(a.getCampaign().getCompanyId()).isEqualTo(tenant));
      }
    }
    assertThat(db.sessionFactory.getStatistics().getQueryCacheHitCount()).as("second round hit the cache")
        .isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"literal", "parameter"})
  void aCachedNativeResultIsNotServedToAnotherTenant(String binding) {
    AdAnalytics db = DBS.get(binding);
    String sql = "select company_id, count(*) from ads group by company_id";
    for (int round = 0; round < 2; round++) {
      for (long tenant : AdAnalytics.TENANTS) {
        List<Object[]> rows = TenantContext.get(tenant, () -> db.sessionFactory.fromSession(s ->
            s.createNativeQuery(sql, Object[].class).addSynchronizedEntityClass(Ad.class).setCacheable(true)
                .getResultList()));
        assertThat(rows).singleElement().satisfies(r -> {
          assertThat(((Number) r[0]).longValue()).isEqualTo(tenant);
          assertThat(((Number) r[1]).longValue()).isEqualTo((tenant + 1) * (tenant + 1));
        });
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"literal", "parameter"})
  void oneSessionSwitchingTenantsGetsEachTenantsOwnCachedResult(String binding) {
    AdAnalytics db = DBS.get(binding);
    db.sessionFactory.inSession(s -> {
      for (int round = 0; round < 3; round++) {
        for (long tenant : AdAnalytics.TENANTS) {
          List<String> names = TenantContext.get(tenant, () -> names(s));
          assertThat(names).hasSize((int) tenant + 1).allSatisfy(n -> assertThat(n).startsWith("c" + tenant + "-"));
        }
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"literal", "parameter"})
  void theSecondLevelCacheNeverAnswersForAnotherTenant(String binding) {
    AdAnalytics db = DBS.get(binding);
    Long campaignOf1 = TenantContext.get(1L, () -> db.sessionFactory.fromSession(s -> {
      Campaign c = s.createQuery("from Campaign where name = 'c1-1'", Campaign.class).getSingleResult();
      Hibernate.initialize(c.getAds()); // caches the collection too
      s.find(Company.class, 1L);
      return c.getId();
    }));
    assertThat(SecondLevelCache.containsEntity(db.sessionFactory, Campaign.class, campaignOf1, 1L)).isTrue();
    assertThat(SecondLevelCache.containsEntity(db.sessionFactory, Company.class, 1L, 1L)).isTrue();
    assertThat(SecondLevelCache.containsCollection(db.sessionFactory, Campaign.class.getName() + ".ads",
        campaignOf1, 1L)).isTrue();
    for (long other : List.of(2L, 3L)) {
      TenantContext.run(other, () -> db.sessionFactory.inSession(s -> {
        assertThat(s.find(Campaign.class, campaignOf1)).isNull();
        // the cache misses (its keys carry the tenant), so this reaches SQL: id 1 under tenant `other`
        assertThat(Routing.analyzerBlindSpot(db.database, "the tenant's scope on another tenant's id pins "
            + "companies to two values at once, which Citus prunes to no shard",
            () -> s.find(Company.class, 1L))).isNull();
        assertThat(s.find(Company.class, other)).isNotNull();
        assertThat(s.createQuery("select c.id from Campaign c where c.id = :id", Long.class)
            .setParameter("id", campaignOf1).setCacheable(true).getResultList()).isEmpty();
      }));
    }
    Campaign own = TenantContext.get(1L, () -> db.sessionFactory.fromSession(s -> {
      Campaign c = s.find(Campaign.class, campaignOf1);
      Hibernate.initialize(c.getAds());
      return c;
    }));
    assertThat(own.getAds()).hasSize(2).allSatisfy(a -> assertThat(a.getCompany().getId()).isEqualTo(1L));
  }

  private static List<String> names(Session s) {
    return s.createQuery("select c.name from Campaign c order by c.name", String.class).setCacheable(true)
        .getResultList();
  }

  private static Long cachedLong(AdAnalytics db, long tenant, String hql) {
    return TenantContext.get(tenant, () -> db.sessionFactory.fromSession(s ->
        s.createQuery(hql, Long.class).setCacheable(true).getSingleResult()));
  }
}
