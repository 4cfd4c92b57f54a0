package io.citushibernate.matrix;

import io.citushibernate.testkit.CitusTestDatabase;
import java.util.HashMap;
import java.util.Map;

/**
 * The four databases of one shape, opened on first use: the shape's entities through
 * citus-hibernate (three tenants) and through plain Hibernate (one tenant), each with the
 * second-level cache on and off.
 */
final class ShapeDatabases implements AutoCloseable {
  private final Shape shape;
  private final Map<String, CitusTestDatabase> open = new HashMap<>();

  ShapeDatabases(Shape shape) {
    this.shape = shape;
  }

  Shape shape() {
    return shape;
  }

  CitusTestDatabase citus(boolean cache) {
    return open(true, cache);
  }

  CitusTestDatabase plain(boolean cache) {
    return open(false, cache);
  }

  /** Builds the citus-hibernate session factory alone, for a shape it must refuse. */
  static void boot(Shape shape) {
    CitusTestDatabase.create().entities(shape.entities).open().close();
  }

  private CitusTestDatabase open(boolean citus, boolean cache) {
    String key = (citus ? "citus-" : "plain-") + (cache ? "l2" : "nol2");
    CitusTestDatabase db = open.get(key);
    if (db == null) {
      CitusTestDatabase.Builder builder = CitusTestDatabase.create().entities(shape.entities).poolSize(2);
      if (cache) {
        builder.property("hibernate.cache.use_second_level_cache", "true")
            .property("hibernate.cache.region.factory_class", "jcache")
            .property("hibernate.javax.cache.provider", "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider")
            .property("hibernate.javax.cache.missing_cache_strategy", "create")
            .property("jakarta.persistence.sharedCache.mode", "ALL")
            .property("hibernate.cache.default_cache_concurrency_strategy", "read-write")
            // the caching provider's cache manager is JVM-wide: keep every factory's regions apart
            .property("hibernate.cache.region_prefix", "matrix-" + shape.name + "-" + key);
      } else {
        builder.property("hibernate.cache.use_second_level_cache", "false");
      }
      if (!citus) {
        // plain Hibernate sends unscoped statements by design: no routing check there
        builder.property("citus.hibernate.enabled", "false").routingCheck(false);
      }
      db = builder.open();
      open.put(key, db);
    }
    return db;
  }

  @Override
  public void close() {
    open.values().forEach(CitusTestDatabase::close);
    open.clear();
  }
}
