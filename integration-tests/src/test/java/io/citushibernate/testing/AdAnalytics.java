package io.citushibernate.testing;

import io.citushibernate.fixtures.adanalytics.AdAnalyticsData;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsLoader;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsModel;
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
  public static final List<Class<?>> ENTITIES = AdAnalyticsModel.ENTITIES_AND_LOCAL_TABLE;
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
    AdAnalyticsLoader.persist(sessionFactory, AdAnalyticsData.regular(TENANTS.size(), t -> (int) t + 1,
        t -> (int) t + 1, 2));
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
