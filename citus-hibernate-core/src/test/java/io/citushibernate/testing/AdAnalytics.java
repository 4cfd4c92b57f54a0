package io.citushibernate.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.citushibernate.model.Ad;
import io.citushibernate.model.AuditNote;
import io.citushibernate.model.Campaign;
import io.citushibernate.model.Click;
import io.citushibernate.model.Company;
import io.citushibernate.model.GeoIp;
import io.citushibernate.model.Impression;
import io.citushibernate.tenant.TenantContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The Citus tutorial's ad-analytics model on a fresh database, with three tenants of data:
 * company {@code t} has {@code t + 1} campaigns, alternately running and paused, each with
 * {@code t + 1} ads; every ad has two clicks, one from a mobile device.
 */
public final class AdAnalytics implements AutoCloseable {
  public static final List<Class<?>> ENTITIES = List.of(Company.class, Campaign.class, Ad.class, Click.class,
      Impression.class, GeoIp.class, AuditNote.class);
  public static final List<Long> TENANTS = List.of(1L, 2L, 3L);

  public final HikariDataSource pool;
  public final RecordingDataSource dataSource;
  public final SessionFactory sessionFactory;

  private AdAnalytics(Map<String, Object> extra) {
    pool = Postgres.newDatabase(8);
    dataSource = new RecordingDataSource(pool);
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.connection.datasource", dataSource);
    settings.put("hibernate.hbm2ddl.auto", "create");
    settings.put("hibernate.cache.use_second_level_cache", "true");
    settings.put("hibernate.cache.region.factory_class", "jcache");
    settings.put("hibernate.javax.cache.provider", "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");
    settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
    // literal tenants, so the tests can read the tenant predicate in the SQL that was sent;
    // ParameterBindingTest covers the default, bind-parameter mode
    settings.put("citus.hibernate.tenant_binding", "literal");
    settings.putAll(extra);
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    MetadataSources sources = new MetadataSources(registry);
    ENTITIES.forEach(sources::addAnnotatedClass);
    sessionFactory = sources.buildMetadata().buildSessionFactory();
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
    dataSource.clear();
  }

  public void inTransaction(Consumer<Session> work) {
    sessionFactory.inTransaction(work);
  }

  @Override
  public void close() {
    sessionFactory.close();
    pool.close();
  }
}
