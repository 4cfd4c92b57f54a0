package io.citushibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.CitusSettings;
import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testkit.RoutingCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code citus.hibernate.tenant_binding=parameter} the tenant travels as a bind parameter:
 * the same results as with literals, and one SQL text for every tenant.
 */
class ParameterBindingTest {
  static AdAnalytics db;

  @BeforeAll
  static void load() {
    db = AdAnalytics.empty(Map.of(CitusSettings.TENANT_BINDING, "parameter"));
    db.load();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void everyTenantSeesItsOwnRowsThroughOneSqlText() {
    db.clearStatements();
    for (long tenant : AdAnalytics.TENANTS) {
      List<Campaign> campaigns = TenantContext.get(tenant, () -> db.sessionFactory.fromSession(s ->
          s.createQuery("select c from Campaign c where c.monthlyBudget > :min order by c.monthlyBudget", Campaign.class)
              .setParameter("min", 0).getResultList()));
      assertThat(campaigns).hasSize((int) tenant + 1).allSatisfy(c -> assertThat(c.getCompanyId()).isEqualTo(tenant));
    }
    List<String> sent = db.statements().stream().distinct().toList();
    assertThat(sent).singleElement().asString()
        .contains("c1_0.company_id = ?")
        .doesNotContain("citus-tenant");
  }

  @Test
  void joinsLazyLoadsAndBulkUpdatesBindTheTenant() {
    TenantContext.run(2L, () -> db.sessionFactory.inTransaction(s -> {
      List<Object[]> rows = s.createQuery("select c.name, sum(a.clicksCount) from Ad a join a.campaign c "
          + "where c.state = :state group by c.name order by c.name", Object[].class)
          .setParameter("state", "running").getResultList();
      assertThat(rows).extracting(r -> r[0]).containsExactly("c2-0", "c2-2");
      Campaign campaign = s.createQuery("from Campaign where name = 'c2-1'", Campaign.class).getSingleResult();
      assertThat(campaign.getAds()).extracting(Ad::getName).containsExactlyInAnyOrder("ad2-1-0", "ad2-1-1", "ad2-1-2");
      int updated = s.createMutationQuery("update Campaign c set c.monthlyBudget = c.monthlyBudget + :d")
          .setParameter("d", 1).executeUpdate();
      assertThat(updated).isEqualTo(3);
    }));
    long untouched = TenantContext.get(1L, () -> db.sessionFactory.fromSession(s -> s.createQuery(
        "select count(c) from Campaign c where c.monthlyBudget in (1000, 1001)", Long.class).getSingleResult()));
    assertThat(untouched).isEqualTo(2L);
  }

  @Test
  void nativeInsertsGetTheTenantAsAParameter() {
    TenantContext.run(3L, () -> db.inTransaction(s -> s.createNativeMutationQuery(
        "insert into campaigns (id, name, cost_model, state, created_at, updated_at) "
            + "values (:id, 'native', 'cpc', 'running', now(), now())").setParameter("id", 800001L).executeUpdate()));
    // multi-shard on purpose: finds the row in whichever tenant it landed
    Long stored = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("test: read back",
        () -> db.sessionFactory.fromSession(s -> s.createNativeQuery(
            "select company_id from campaigns where id = 800001", Long.class).getSingleResult())));
    assertThat(stored).isEqualTo(3L);
  }

  @Test
  void stillFailsClosedWithoutTenant() {
    assertThatThrownBy(() -> db.sessionFactory.inSession(s -> s.createQuery("from Campaign", Campaign.class)
        .getResultList())).isInstanceOf(MissingTenantException.class);
  }
}
