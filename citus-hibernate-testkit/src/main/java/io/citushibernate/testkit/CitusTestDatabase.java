package io.citushibernate.testkit;

import io.citushibernate.testkit.server.ClusterControl;
import io.citushibernate.testkit.server.Providers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * A {@link CitusDatabase} opened and closed by the test itself, for tests that need several
 * databases, or settings that differ per test. It runs on the same server as {@link CitusTest}
 * (chosen once per JVM), in a fresh schema dropped by {@link #close()}, with the same routing
 * check; nothing is truncated between tests.
 *
 * <pre>{@code
 * try (CitusTestDatabase db = CitusTestDatabase.create().entities(Company.class, Campaign.class)
 *     .property("citus.hibernate.tenant_binding", "literal").open()) {
 *   TenantContext.run(1L, () -> db.sessionFactory().inTransaction(s -> ...));
 * }
 * }</pre>
 */
public final class CitusTestDatabase implements CitusDatabase, AutoCloseable {
  private final TestDatabase database;

  private CitusTestDatabase(TestDatabase database) {
    this.database = database;
  }

  /** A builder; {@link Builder#open()} creates the database. */
  public static Builder create() {
    return new Builder();
  }

  /** What {@link #open()} creates. */
  public static final class Builder {
    private final List<Class<?>> entities = new ArrayList<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> connectionProperties = new LinkedHashMap<>();
    private int poolSize = 5;
    private boolean routingCheck = true;

    private Builder() {
    }

    /** Entity classes of the session factory; without any, the database has a data source only. */
    public Builder entities(Class<?>... entities) {
      return entities(Arrays.asList(entities));
    }

    /** Entity classes of the session factory. */
    public Builder entities(Collection<? extends Class<?>> entities) {
      this.entities.addAll(entities);
      return this;
    }

    /** A Hibernate property of the session factory (overrides the testkit's, e.g. {@code hibernate.hbm2ddl.auto}). */
    public Builder property(String name, Object value) {
      properties.put(name, value);
      return this;
    }

    /** Hibernate properties of the session factory. */
    public Builder properties(Map<String, ?> properties) {
      this.properties.putAll(properties);
      return this;
    }

    /** A PostgreSQL JDBC driver property of the pool's connections, e.g. {@code options}. */
    public Builder connectionProperty(String name, String value) {
      connectionProperties.put(name, value);
      return this;
    }

    /** The maximum size of the connection pool (default 5). */
    public Builder poolSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("poolSize must be at least 1, got " + size);
      }
      this.poolSize = size;
      return this;
    }

    /** Whether statements must be single-shard (default {@code true}); see {@link RoutingCheck}. */
    public Builder routingCheck(boolean on) {
      this.routingCheck = on;
      return this;
    }

    /**
     * Creates the schema, the pool and, for {@link #entities}, the session factory with its
     * tables ({@code hbm2ddl} create; on Citus also distributed).
     *
     * @throws RuntimeException what building the session factory threw; nothing is left behind
     */
    public CitusTestDatabase open() {
      TestDatabase db = TestDatabase.create(Providers.server(), List.copyOf(entities), Map.copyOf(properties),
          poolSize, routingCheck, Map.copyOf(connectionProperties));
      db.clearStatements();
      return new CitusTestDatabase(db);
    }
  }

  @Override
  public Kind kind() {
    return database.kind();
  }

  @Override
  public String description() {
    return database.description();
  }

  @Override
  public String jdbcUrl() {
    return database.jdbcUrl();
  }

  @Override
  public String schema() {
    return database.schema();
  }

  @Override
  public DataSource dataSource() {
    return database.dataSource();
  }

  @Override
  public SessionFactory sessionFactory() {
    return database.sessionFactory();
  }

  @Override
  public List<String> statements() {
    return database.statements();
  }

  @Override
  public void clearStatements() {
    database.clearStatements();
  }

  @Override
  public void truncateAll() {
    database.truncateAll();
  }

  @Override
  public Optional<ClusterControl> clusterControl() {
    return database.clusterControl();
  }

  /** Closes the session factory and the pool, and drops the schema. */
  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return "CitusTestDatabase[" + schema() + " on " + description() + "]";
  }
}
