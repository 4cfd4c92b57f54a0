package io.citushibernate.testkit.model;

import io.citushibernate.tenant.TenantContext;
import java.util.Map;
import org.hibernate.SessionFactory;

/** The ad-analytics entities and a small data set: company t has t campaigns with two ads each, one click per ad. */
public final class AdAnalytics {
  private AdAnalytics() {
  }

  /** Loads companies 1..tenants, each through its own tenant scope. */
  public static void load(SessionFactory sessions, int tenants) {
    TenantContext.runCrossTenant("test fixture: reference data", () -> sessions.inTransaction(s -> {
      s.persist(new GeoIp("10.0.0.1", 52.5, 13.4));
      s.persist(new AuditNote("loaded"));
    }));
    for (long t = 1; t <= tenants; t++) {
      long tenant = t;
      TenantContext.run(tenant, () -> sessions.inTransaction(s -> {
        s.persist(new Company(tenant, "Company " + tenant));
        for (int c = 1; c <= tenant; c++) {
          Campaign campaign = new Campaign("c" + tenant + "-" + c, c % 2 == 0 ? "paused" : "running");
          s.persist(campaign);
          for (int a = 1; a <= 2; a++) {
            Ad ad = new Ad(campaign, "ad" + tenant + "-" + c + "-" + a);
            s.persist(ad);
            s.persist(new Click(ad, Map.of("is_mobile", a == 1)));
          }
        }
      }));
    }
  }
}
