package io.citushibernate.matrix;

import io.citushibernate.testkit.CitusTestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;

/**
 * The four databases of one shape, opened on first use: the shape's entities through
 * citus-hibernate (three tenants) and through plain Hibernate (one tenant), each with the
 * second-level cache on and off.
 */
final class ShapeDatabases implements AutoCloseable {
  /** The tenancy model of the citus-hibernate side. */
  enum Tenancy {
    /** Every tenant's rows in one set of tables, scoped by the tenant column. */
    ROW,
    /** A schema per tenant ({@code citus.hibernate.tenancy=schema}), tables made by {@code CitusTenants.create}. */
    SCHEMA
  }

  /** The citus-hibernate side of a cell: its session factory, and every tenant's rows. */
  interface LibrarySide extends AutoCloseable {
    SessionFactory sessionFactory();

    /** Empties every tenant's tables. */
    void empty();

    /** tenant -> table -> rows, as {@link TableContents#read} gives them. */
    Map<Long, Map<String, List<String>>> contents();

    @Override
    void close();
  }

  private final Shape shape;
  private final Tenancy tenancy;
  private final Map<String, CitusTestDatabase> open = new HashMap<>();
  private final Map<String, LibrarySide> sides = new HashMap<>();

  ShapeDatabases(Shape shape, Tenancy tenancy) {
    this.shape = shape;
    this.tenancy = tenancy;
  }

  Shape shape() {
    return shape;
  }

  LibrarySide citus(boolean cache) {
    return sides.computeIfAbsent(cache ? "l2" : "nol2", key -> tenancy == Tenancy.ROW
        ? new RowSide(open(true, cache)) : new SchemaSide(shape, cache, key));
  }

  CitusTestDatabase plain(boolean cache) {
    return open(false, cache);
  }

  /** Builds the citus-hibernate session factory alone, for a shape it must refuse. */
  static void boot(Shape shape) {
    CitusTestDatabase.create().entities(shape.entities).open().close();
  }

  /** The second-level cache settings of a factory, on or off; {@code key} keeps its regions apart. */
  static Map<String, Object> cacheSettings(Shape shape, boolean cache, String key) {
    Map<String, Object> settings = new HashMap<>();
    if (cache) {
      settings.put("hibernate.cache.use_second_level_cache", "true");
      settings.put("hibernate.cache.region.factory_class", "jcache");
      settings.put("hibernate.javax.cache.provider", "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");
      settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
      settings.put("jakarta.persistence.sharedCache.mode", "ALL");
      settings.put("hibernate.cache.default_cache_concurrency_strategy", "read-write");
      // the caching provider's cache manager is JVM-wide: keep every factory's regions apart
      settings.put("hibernate.cache.region_prefix", "matrix-" + shape.name + "-" + key);
    } else {
      settings.put("hibernate.cache.use_second_level_cache", "false");
    }
    return settings;
  }

  private CitusTestDatabase open(boolean citus, boolean cache) {
    String key = (citus ? "citus-" : "plain-") + (cache ? "l2" : "nol2");
    CitusTestDatabase db = open.get(key);
    if (db == null) {
      CitusTestDatabase.Builder builder = CitusTestDatabase.create().entities(shape.entities).poolSize(2)
          .properties(cacheSettings(shape, cache, key));
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
    sides.values().forEach(LibrarySide::close);
    sides.clear();
    open.values().forEach(CitusTestDatabase::close);
    open.clear();
  }

  /** The row model: the testkit's database and session factory, with the shape's tables in its schema. */
  private record RowSide(CitusTestDatabase db) implements LibrarySide {
    @Override
    public SessionFactory sessionFactory() {
      return db.sessionFactory();
    }

    @Override
    public void empty() {
      db.truncateAll();
    }

    @Override
    public Map<Long, Map<String, List<String>>> contents() {
      return TableContents.read(db);
    }

    @Override
    public void close() {
      // the databases are closed with the others
    }
  }
}
