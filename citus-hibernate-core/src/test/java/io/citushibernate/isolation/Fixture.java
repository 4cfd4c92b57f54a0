package io.citushibernate.isolation;

import com.zaxxer.hikari.HikariDataSource;
import io.citushibernate.boot.CitusSettings;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testing.Postgres;
import io.citushibernate.testing.RecordingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * A session factory on a fresh database with a pool of a chosen size, the second-level cache and
 * the query cache on, and its own cache regions (the caching provider's cache manager is shared
 * by the whole JVM).
 */
final class Fixture implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  final HikariDataSource pool;
  final RecordingDataSource dataSource;
  final SessionFactory sessionFactory;

  private Fixture(int poolSize, List<Class<?>> entities, Map<String, Object> extra) {
    pool = Postgres.newDatabase(poolSize);
    dataSource = new RecordingDataSource(pool);
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.connection.datasource", dataSource);
    settings.put("hibernate.hbm2ddl.auto", "create");
    settings.put("hibernate.cache.use_second_level_cache", "true");
    settings.put("hibernate.cache.use_query_cache", "true");
    settings.put("hibernate.cache.region.factory_class", "jcache");
    settings.put("hibernate.javax.cache.provider", "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");
    settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
    settings.put("hibernate.cache.region_prefix", "isolation-" + INSTANCES.incrementAndGet());
    settings.putAll(extra);
    MetadataSources sources = new MetadataSources(new StandardServiceRegistryBuilder().applySettings(settings).build());
    entities.forEach(sources::addAnnotatedClass);
    sessionFactory = sources.buildMetadata().buildSessionFactory();
  }

  /** The ad-analytics model, no data, tenants bound as {@code binding} ({@code literal} or {@code parameter}). */
  static Fixture adAnalytics(int poolSize, String binding, Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>(extra);
    settings.put(CitusSettings.TENANT_BINDING, binding);
    return new Fixture(poolSize, AdAnalytics.ENTITIES, settings);
  }

  static Fixture of(int poolSize, List<Class<?>> entities, Map<String, Object> settings) {
    return new Fixture(poolSize, entities, settings);
  }

  /** Rows of {@code sql} read over plain JDBC, past Hibernate and citus-hibernate. */
  List<Object[]> jdbc(String sql) {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
  }

  /** A single number read over plain JDBC. */
  long jdbcLong(String sql) {
    return ((Number) jdbc(sql).get(0)[0]).longValue();
  }

  @Override
  public void close() {
    sessionFactory.close();
    pool.close();
  }
}
