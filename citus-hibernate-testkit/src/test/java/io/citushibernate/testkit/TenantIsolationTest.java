package io.citushibernate.testkit;

import static io.citushibernate.testkit.CitusAssertions.assertTenantIsolated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.AuditNote;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Click;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.fixtures.adanalytics.GeoIp;
import io.citushibernate.tenant.TenantContext;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CitusTest(entities = {Company.class, Campaign.class, Ad.class, Click.class, GeoIp.class, AuditNote.class})
class TenantIsolationTest {
  SessionFactory sessions;

  @BeforeEach
  void load() {
    AdAnalyticsFixture.load(sessions, 3);
  }

  @Test
  void tenantScopedReadsAndWritesPass() {
    List<Campaign> campaigns = assertTenantIsolated(2L, () -> sessions.fromTransaction(s -> {
      s.persist(new Campaign("new", "running"));
      List<Campaign> all = s.createSelectionQuery("from Campaign", Campaign.class).list();
      all.get(0).getAds().size();
      s.createMutationQuery("update Campaign set state = 'paused'").executeUpdate();
      return all;
    }));
    assertThat(campaigns).hasSize(3).allMatch(c -> c.getCompanyId() == 2L);
  }

  @Test
  void crossTenantReadFailsTheAssertion() {
    assertThatThrownBy(() -> assertTenantIsolated(1L, () -> RoutingCheck.allowMultiShard(
        () -> TenantContext.runCrossTenant("test: deliberate leak", () -> sessions.inSession(
            s -> s.createNativeQuery("select * from campaigns", Campaign.class).list())))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("running as tenant 1")
        .hasMessageContaining("read a row of tenant 2 from campaigns.company_id")
        .hasMessageContaining("read a row of tenant 3 from campaigns.company_id");
  }

  @Test
  void readPinnedToAnotherTenantFailsEvenThoughItIsSingleShard() {
    assertThatThrownBy(() -> assertTenantIsolated(1L, () -> TenantContext.runCrossTenant("test: wrong tenant",
        () -> sessions.inSession(s -> s.createNativeQuery("select name from ads where company_id = 3", String.class)
            .list()))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("read tenant 3 of [ads]");
  }

  @Test
  void crossTenantWriteFailsTheAssertion() {
    assertThatThrownBy(() -> assertTenantIsolated(1L, () -> RoutingCheck.allowMultiShard(
        () -> TenantContext.runCrossTenant("test: deliberate cross-tenant write", () -> sessions.inTransaction(
            s -> s.createNativeMutationQuery("update campaigns set state = 'archived' where state = 'running'")
                .executeUpdate())))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("changed rows of campaigns of tenant 2")
        .hasMessageContaining("changed rows of campaigns of tenant 3");
  }

  @Test
  void deletingAnotherTenantsRowsFailsTheAssertion() {
    assertThatThrownBy(() -> assertTenantIsolated(1L, () -> TenantContext.runCrossTenant("test: wrong delete",
        () -> sessions.inTransaction(s -> s.createNativeMutationQuery("delete from clicks where company_id = 2")
            .executeUpdate()))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("deleted every row of clicks of tenant 2");
  }
}
