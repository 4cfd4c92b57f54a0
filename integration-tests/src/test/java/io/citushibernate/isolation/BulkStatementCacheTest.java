package io.citushibernate.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.SecondLevelCache;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After a bulk statement, {@link IsolationWorkload} reads past the second-level cache for
 * the rest of the transaction and expects to see the statement's effect. A READ_WRITE region
 * still holds the row from before the statement until the transaction ends, and
 * {@code Session.find} ignored the session's {@code CacheMode.IGNORE} and served it: the stress
 * test then failed now and then with "campaign N: expected ...budget=B+1... but was ...budget=B...".
 */
class BulkStatementCacheTest {

  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter"})
  void findAfterANativeBulkUpdateSeesTheUpdateNotTheCachedRow(String binding) {
    try (Fixture db = Fixture.adAnalytics(2, binding, Map.of())) {
      long tenant = 29;
      long id = TenantContext.getCrossTenant("test fixture", () -> db.sessionFactory.fromTransaction(s -> {
        s.persist(new Company(tenant, "Company " + tenant));
        s.persist(new Company(tenant + 1, "Company " + (tenant + 1)));
        Campaign other = new Campaign("other", "running", 7);
        other.setCompanyId(tenant + 1);
        s.persist(other);
        Campaign own = new Campaign("own", "running", 29);
        own.setCompanyId(tenant);
        s.persist(own);
        return own.getId();
      }));
      db.sessionFactory.getCache().evictAll();

      TenantContext.run(tenant, () -> {
        db.sessionFactory.inTransaction(s -> assertThat(s.find(Campaign.class, id).getMonthlyBudget()).isEqualTo(29));
        assertThat(SecondLevelCache.containsEntity(db.sessionFactory, Campaign.class, id, tenant))
            .as("cached by the load").isTrue();

        db.sessionFactory.inTransaction(s -> {
          int n = s.createNativeMutationQuery("update campaigns set monthly_budget = coalesce(monthly_budget, 0) + 1")
              .executeUpdate();
          assertThat(n).as("the tenant's own campaign only").isEqualTo(1);
          s.clear();
          IsolationWorkload.readPastSecondLevelCache(s);
          assertThat(SecondLevelCache.containsEntity(db.sessionFactory, Campaign.class, id, tenant))
              .as("a READ_WRITE region keeps the row until the transaction ends").isTrue();
          db.clearStatements();
          Campaign c = s.find(Campaign.class, id);
          assertThat(c.getCompanyId()).isEqualTo(tenant);
          assertThat(c.getMonthlyBudget()).as("the budget the transaction itself wrote").isEqualTo(30);
          assertThat(db.statements()).as("read from the database").anyMatch(sql -> sql.contains("FROM campaigns"));
        });

        assertThat(SecondLevelCache.containsEntity(db.sessionFactory, Campaign.class, id, tenant)).as("evicted at completion")
            .isFalse();
        db.sessionFactory.inTransaction(s -> assertThat(s.find(Campaign.class, id).getMonthlyBudget()).isEqualTo(30));
      });
      assertThat(db.jdbc("select company_id, monthly_budget from campaigns order by company_id"))
          .containsExactly(new Object[] {tenant, 30}, new Object[] {tenant + 1, 7});
    }
  }
}
