package io.citushibernate.isolation;

import io.citushibernate.CitusSettings;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testkit.CitusTestDatabase;
import io.citushibernate.testkit.RoutingCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * A session factory on a fresh testkit database (routing check on) with a pool of a chosen size,
 * the second-level cache and the query cache on, and its own cache regions (the caching
 * provider's cache manager is shared by the whole JVM).
 */
final class Fixture implements AutoCloseable {
  /** The JCache provider of the second-level cache. */
  static final String CACHE_PROVIDER = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  final CitusTestDatabase database;
  final SessionFactory sessionFactory;
  final int poolSize;
  /** The prefix of this fixture's cache region names. */
  final String regionPrefix;

  private Fixture(CitusTestDatabase.Builder builder, int poolSize, List<Class<?>> entities,
      Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.cache.use_second_level_cache", "true");
    settings.put("hibernate.cache.use_query_cache", "true");
    settings.put("hibernate.cache.region.factory_class", "jcache");
    settings.put("hibernate.javax.cache.provider", CACHE_PROVIDER);
    settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
    regionPrefix = "isolation-" + INSTANCES.incrementAndGet();
    settings.put("hibernate.cache.region_prefix", regionPrefix);
    settings.putAll(extra);
    this.poolSize = poolSize;
    database = builder.entities(entities).properties(settings).poolSize(poolSize).open();
    sessionFactory = database.sessionFactory();
  }

  /** The ad-analytics model, no data, tenants bound as {@code binding} ({@code literal} or {@code parameter}). */
  static Fixture adAnalytics(int poolSize, String binding, Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>(extra);
    settings.put(CitusSettings.TENANT_BINDING, binding);
    return new Fixture(CitusTestDatabase.create(), poolSize, AdAnalytics.ENTITIES, settings);
  }

  static Fixture of(int poolSize, List<Class<?>> entities, Map<String, Object> settings) {
    return new Fixture(CitusTestDatabase.create(), poolSize, entities, settings);
  }

  /** As {@link #of}, on a database whose connections are configured by {@code builder}. */
  static Fixture of(CitusTestDatabase.Builder builder, int poolSize, List<Class<?>> entities,
      Map<String, Object> settings) {
    return new Fixture(builder, poolSize, entities, settings);
  }

  DataSource dataSource() {
    return database.dataSource();
  }

  List<String> statements() {
    return database.statements();
  }

  void clearStatements() {
    database.clearStatements();
  }

  /**
   * Rows of {@code sql} read over plain JDBC, past Hibernate and citus-hibernate. These are the
   * tests' own checks of what was stored, often across every tenant: exempt from the routing check.
   */
  List<Object[]> jdbc(String sql) {
    return RoutingCheck.allowMultiShard(() -> {
      try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        List<Object[]> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(row);
        }
        return rows;
      } catch (SQLException e) {
        throw new IllegalStateException(sql, e);
      }
    });
  }

  /** A single number read over plain JDBC. */
  long jdbcLong(String sql) {
    return ((Number) jdbc(sql).get(0)[0]).longValue();
  }

  @Override
  public void close() {
    database.close();
  }
}
