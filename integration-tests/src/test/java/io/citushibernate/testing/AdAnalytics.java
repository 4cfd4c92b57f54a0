package io.citushibernate.testing;

import io.citushibernate.model.Ad;
import io.citushibernate.model.AuditNote;
import io.citushibernate.model.Campaign;
import io.citushibernate.model.Click;
import io.citushibernate.model.Company;
import io.citushibernate.model.GeoIp;
import io.citushibernate.model.Impression;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The Citus tutorial's ad-analytics model on a fresh testkit database (routing check on), with
 * three tenants of data: company {@code t} has {@code t + 1} campaigns, alternately running and
 * paused, each with {@code t + 1} ads; every ad has two clicks, one from a mobile device.
 */
public final class AdAnalytics implements AutoCloseable {
  public static final List<Class<?>> ENTITIES = List.of(Company.class, Campaign.class, Ad.class, Click.class,
      Impression.class, GeoIp.class, AuditNote.class);
  public static final List<Long> TENANTS = List.of(1L, 2L, 3L);

  public final CitusTestDatabase database;
  public final SessionFactory sessionFactory;

  private AdAnalytics(Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.cache.use_second_level_cache", "true");
    settings.put("hibernate.cache.region.factory_class", "jcache");
    settings.put("hibernate.javax.cache.provider", "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");
    settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
    // literal tenants, so the tests can read the tenant predicate in the SQL that was sent;
    // ParameterBindingTest covers the default, bind-parameter mode
    settings.put("citus.hibernate.tenant_binding", "literal");
    settings.putAll(extra);
    database = CitusTestDatabase.create().entities(ENTITIES).properties(settings).poolSize(8).open();
    sessionFactory = database.sessionFactory();
  }
  /** The model with default settings and no data. */
  public static AdAnalytics empty() {
    return new AdAnalytics(Map.of());
  }

  /** The model with extra Hibernate settings and no data. */
  public static AdAnalytics empty(Map<String, Object> settings) {
    return new AdAnalytics(settings);
  }

  /** The model with the three tenants' data loaded. */
  public static AdAnalytics loaded() {
    AdAnalytics model = empty();
    model.load();
    return model;
  }

  public void load() {
    TenantContext.runCrossTenant("test fixture: create companies", () -> inTransaction(s -> {
      for (long t : TENANTS) {
        s.persist(new Company(t, "Company " + t));
      }
      s.persist(new GeoIp("10.0.0.0/8", 52.5, 13.4));
      s.persist(new GeoIp("192.168.0.0/16", 40.7, -74.0));
    }));
    for (long t : TENANTS) {
      TenantContext.run(t, () -> inTransaction(s -> {
        for (int c = 0; c <= t; c++) {
          Campaign campaign = new Campaign("c" + t + "-" + c, c % 2 == 0 ? "running" : "paused", (int) (1000 * t + c));
          s.persist(campaign);
          for (int a = 0; a <= t; a++) {
            Ad ad = new Ad(campaign, "ad" + t + "-" + c + "-" + a, 100 * t + a, 10 * t + a);
            s.persist(ad);
            s.persist(new Click(ad, Map.of("is_mobile", true, "agent", "phone")));
            s.persist(new Click(ad, Map.of("is_mobile", false, "agent", "desktop")));
          }
        }
      }));
    }
    database.clearStatements();
  }

  /** The pooled, recording, routing-checked data source. */
  public DataSource dataSource() {
    return database.dataSource();
  }

  /** The SQL sent since the last {@link #clearStatements()}, in order. */
  public List<String> statements() {
    return database.statements();
  }

  public void clearStatements() {
    database.clearStatements();
  }

  public void inTransaction(Consumer<Session> work) {
    sessionFactory.inTransaction(work);
  }

  @Override
  public void close() {
    database.close();
  }
}
