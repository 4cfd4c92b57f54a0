package io.citushibernate.testkit;

import io.citushibernate.fixtures.adanalytics.AdAnalyticsData;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsLoader;
import io.citushibernate.fixtures.adanalytics.AuditNote;
import io.citushibernate.tenant.TenantContext;
import org.hibernate.SessionFactory;

/**
 * The testkit tests' ad-analytics data: company t has t campaigns, alternately running and paused, with two ads each
 * and one click per ad; and a row in the local table audit_notes.
 */
public final class AdAnalyticsFixture {
  private AdAnalyticsFixture() {
  }

  /** Loads companies 1 to {@code companies}, each through its own tenant scope. */
  public static void load(SessionFactory sessions, int companies) {
    AdAnalyticsLoader.persist(sessions, AdAnalyticsData.regular(companies, t -> (int) t, t -> 2, 1));
    TenantContext.runCrossTenant("test fixture: a local row", () -> sessions.inTransaction(
        s -> s.persist(new AuditNote("loaded"))));
  }
}
