package io.citushibernate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testkit.RoutingCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tutorial's ad-analytics schema as Hibernate exports it, read back from the catalog. */
class AdAnalyticsSchemaTest {
  private static AdAnalytics model;

  @BeforeAll
  static void export() {
    model = AdAnalytics.empty();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void companiesAreDistributedByTheirIdAlone() {
    assertThat(Catalog.keys(model.dataSource(), "companies")).containsExactlyInAnyOrder("PRIMARY KEY (id)");
  }

  @Test
  void campaignsKeyIncludesTheCompany() {
    assertThat(Catalog.keys(model.dataSource(), "campaigns")).containsExactlyInAnyOrder("PRIMARY KEY (company_id, id)");
  }

  @Test
  void adsReferenceTheirCompanyAndTheirCampaignThroughTheCompany() {
    assertThat(Catalog.keys(model.dataSource(), "ads")).containsExactlyInAnyOrder(
        "PRIMARY KEY (company_id, id)",
        "FOREIGN KEY (company_id) REFERENCES companies (id)",
        "FOREIGN KEY (company_id, campaign_id) REFERENCES campaigns (company_id, id)");
  }

  @Test
  void clicksAndImpressionsReferenceTheirAdThroughTheCompany() {
    for (String table : new String[] {"clicks", "impressions"}) {
      assertThat(Catalog.keys(model.dataSource(), table)).as(table).containsExactlyInAnyOrder(
          "PRIMARY KEY (company_id, id)",
          "FOREIGN KEY (company_id, ad_id) REFERENCES ads (company_id, id)");
    }
  }

  @Test
  void referenceAndLocalTablesKeepTheirKeys() {
    assertThat(Catalog.keys(model.dataSource(), "geo_ips")).containsExactlyInAnyOrder("PRIMARY KEY (addrs)");
    assertThat(Catalog.keys(model.dataSource(), "audit_notes")).containsExactlyInAnyOrder("PRIMARY KEY (id)");
  }

  @Test
  void theTutorialDataLoadsIntoTheCompositeKeys() {
    model.load();
    // Company t has t + 1 campaigns of t + 1 ads with two clicks each.
    // multi-shard on purpose: counts every company's clicks
    long clicks = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant(
        "test: count every company's clicks", () -> model.sessionFactory.fromTransaction(s ->
            s.createNativeQuery("select count(*) from clicks", Long.class).getSingleResult())));
    assertThat(clicks).isEqualTo(2 * 2 * 2 + 3 * 3 * 2 + 4 * 4 * 2);
  }
}
