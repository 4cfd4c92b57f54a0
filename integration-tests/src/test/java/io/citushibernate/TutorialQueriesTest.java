package io.citushibernate;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testing.Scoped;
import io.citushibernate.testkit.RoutingCheck;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queries and modifications of the Citus multi-tenant tutorial, written without any tenant
 * filter, return and change exactly the current tenant's rows, and every statement sent carries
 * the tenant predicate on every tenant table.
 */
class TutorialQueriesTest {
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
  void countOfCompaniesSeesOnlyTheTenant() {
    for (long tenant : AdAnalytics.TENANTS) {
      Long count = TenantContext.get(tenant, () -> db.sessionFactory.fromSession(s ->
          s.createQuery("select count(c) from Company c", Long.class).getSingleResult()));
      assertThat(count).isEqualTo(1L);
    }
    // multi-shard on purpose: the cross-tenant scope counts every company
    long all = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("test: count all companies",
        () -> db.sessionFactory.fromSession(s ->
            s.createQuery("select count(c) from Company c", Long.class).getSingleResult())));
    assertThat(all).isEqualTo(3L);
    assertEveryStatementScopedTo(3L, 1);
  }

  @Test
  void topTenCampaignsByBudget() {
    List<Campaign> top = TenantContext.get(2L, () -> db.sessionFactory.fromSession(s ->
        s.createQuery("select c from Campaign c order by c.monthlyBudget desc", Campaign.class)
            .setMaxResults(10).getResultList()));
    assertThat(top).extracting(Campaign::getMonthlyBudget).containsExactly(2002, 2001, 2000);
    assertThat(top).allSatisfy(c -> assertThat(c.getCompanyId()).isEqualTo(2L));
    assertEveryStatementScopedTo(2L);
  }

  @Test
  void topCampaignsWithCriteria() {
    List<String> names = TenantContext.get(3L, () -> db.sessionFactory.fromSession(s -> {
      CriteriaBuilder cb = s.getCriteriaBuilder();
      CriteriaQuery<String> q = cb.createQuery(String.class);
      Root<Campaign> c = q.from(Campaign.class);
      q.select(c.get("name")).orderBy(cb.desc(c.get("monthlyBudget")));
      return s.createQuery(q).setMaxResults(10).getResultList();
    }));
    assertThat(names).containsExactly("c3-3", "c3-2", "c3-1", "c3-0");
    assertEveryStatementScopedTo(3L);
  }

  @Test
  void runningCampaignsWithImpressionsAndClicks() {
    List<Object[]> rows = TenantContext.get(3L, () -> db.sessionFactory.fromSession(s -> s.createQuery(
        "select c.id, c.name, c.monthlyBudget, sum(a.impressionsCount), sum(a.clicksCount) "
            + "from Ad a join a.campaign c where c.state = 'running' "
            + "group by c.id, c.name, c.monthlyBudget order by c.name", Object[].class).getResultList()));
    // tenant 3: campaigns c3-0 and c3-2 run; each has ads a=0..3 with 300+a impressions, 30+a clicks
    assertThat(rows).extracting(r -> r[1]).containsExactly("c3-0", "c3-2");
    assertThat(rows).allSatisfy(r -> {
      assertThat(r[3]).isEqualTo(300L + 301 + 302 + 303);
      assertThat(r[4]).isEqualTo(30L + 31 + 32 + 33);
    });
    assertEveryStatementScopedTo(3L);
  }

  @Test
  void doublingABudgetChangesOnlyTheTenantsCampaign() {
    Long otherTenantsCampaign = TenantContext.get(1L, () -> db.sessionFactory.fromSession(s ->
        s.createQuery("select c.id from Campaign c where c.name = 'c1-0'", Long.class).getSingleResult()));
    Long ownCampaign = TenantContext.get(2L, () -> db.sessionFactory.fromSession(s ->
        s.createQuery("select c.id from Campaign c where c.name = 'c2-1'", Long.class).getSingleResult()));
    int[] updated = new int[2];
    TenantContext.run(2L, () -> db.inTransaction(s -> {
      String jpql = "update Campaign c set c.monthlyBudget = c.monthlyBudget * 2 where c.id = :id";
      updated[0] = s.createMutationQuery(jpql).setParameter("id", ownCampaign).executeUpdate();
      updated[1] = s.createMutationQuery(jpql).setParameter("id", otherTenantsCampaign).executeUpdate();
    }));
    assertThat(updated).containsExactly(1, 0);
    assertEveryStatementScopedTo(2L, 1);
    Integer budget = TenantContext.get(2L, () -> db.sessionFactory.fromSession(s ->
        s.find(Campaign.class, ownCampaign).getMonthlyBudget()));
    assertThat(budget).isEqualTo(2 * 2001);
    Integer untouched = TenantContext.get(1L, () -> db.sessionFactory.fromSession(s ->
        s.createQuery("select c.monthlyBudget from Campaign c where c.id = :id", Integer.class)
            .setParameter("id", otherTenantsCampaign).getSingleResult()));
    assertThat(untouched).isEqualTo(1000);
    TenantContext.run(2L, () -> db.inTransaction(s -> s.createMutationQuery(
        "update Campaign c set c.monthlyBudget = c.monthlyBudget / 2 where c.id = :id")
        .setParameter("id", ownCampaign).executeUpdate()));
  }

  @Test
  void deletingACampaignAndItsAdsInOneTransaction() {
    TenantContext.run(1L, () -> {
      Long campaignId = db.sessionFactory.fromSession(s ->
          s.createQuery("select c.id from Campaign c where c.name = 'c1-1'", Long.class).getSingleResult());
      db.clearStatements();
      db.inTransaction(s -> {
        s.createMutationQuery("delete from Click k where k.ad.campaign.id = :id").setParameter("id", campaignId)
            .executeUpdate();
        int ads = s.createMutationQuery("delete from Ad a where a.campaign.id = :id").setParameter("id", campaignId)
            .executeUpdate();
        int campaigns = s.createMutationQuery("delete from Campaign c where c.id = :id")
            .setParameter("id", campaignId).executeUpdate();
        assertThat(ads).isEqualTo(2);
        assertThat(campaigns).isEqualTo(1);
      });
      assertEveryStatementScopedTo(1L);
      long left = db.sessionFactory.fromSession(s ->
          s.createQuery("select count(c) from Campaign c", Long.class).getSingleResult());
      assertThat(left).isEqualTo(1L);
    });
    long others = TenantContext.get(2L, () -> db.sessionFactory.fromSession(s ->
        s.createQuery("select count(a) from Ad a", Long.class).getSingleResult()));
    assertThat(others).isEqualTo(9L);
  }

  @Test
  void clicksByMobileFromJsonbWithNativeSql() {
    List<Object[]> rows = TenantContext.get(2L, () -> db.sessionFactory.fromSession(s -> s.createNativeQuery(
        "select user_data->>'is_mobile' as is_mobile, count(*) as n from clicks group by 1 order by 1",
        Object[].class).getResultList()));
    // tenant 2: 3 campaigns x 3 ads, one mobile and one desktop click each
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsExactly("false", 9L);
    assertThat(rows.get(1)).containsExactly("true", 9L);
    assertEveryStatementScopedTo(2L);
  }

  @Test
  void referenceTablesAndLocalTablesAreNotScoped() {
    long geo = TenantContext.get(1L, () -> db.sessionFactory.fromSession(s ->
        s.createQuery("select count(g) from GeoIp g", Long.class).getSingleResult()));
    assertThat(geo).isEqualTo(2L);
    assertThat(db.statements()).singleElement().asString().doesNotContain("= 1");
  }

  @Test
  void lazyCollectionAndEntityLoadsAreScoped() {
    TenantContext.run(2L, () -> db.sessionFactory.inSession(s -> {
      Campaign campaign = s.createQuery("select c from Campaign c where c.name = 'c2-0'", Campaign.class)
          .getSingleResult();
      List<Ad> ads = campaign.getAds();
      assertThat(ads).hasSize(3).allSatisfy(a -> assertThat(a.getCompany().getId()).isEqualTo(2L));
      Company company = ads.get(0).getCompany();
      assertThat(company.getName()).isEqualTo("Company 2");
    }));
    // the company itself may come from the second-level cache, without SQL
    assertEveryStatementScopedTo(2L, 2);
  }

  /** Every statement sent touched tenant tables only through the tenant predicate. */
  private static void assertEveryStatementScopedTo(long tenant) {
    assertEveryStatementScopedTo(tenant, 1);
  }

  private static void assertEveryStatementScopedTo(long tenant, int atLeast) {
    List<String> sent = db.statements().stream().filter(Scoped::touchesTenantTable).toList();
    assertThat(sent).hasSizeGreaterThanOrEqualTo(atLeast);
    for (String sql : sent) {
      if (sql.contains(" = " + tenant) || sql.startsWith("insert")) {
        assertThat(Scoped.unscopedReferences(sql, tenant)).as(sql).isEmpty();
      } else {
        // statements of another scope in the same test (e.g. a cross-tenant count) are checked by it
        assertThat(sql).as("statement without tenant %s", tenant).doesNotContainPattern("= " + tenant + "\\b");
      }
    }
  }
}
