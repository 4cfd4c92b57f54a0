package io.citushibernate.testkit;

import io.citushibernate.citus.SqlQuoting;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import io.citushibernate.CitusSettings;
import io.citushibernate.internal.config.SettingValues;
import io.citushibernate.internal.mapping.TenantModel;
import io.citushibernate.internal.schema.TenantSchemas;
import io.citushibernate.tenancy.CitusTenants;
import io.citushibernate.tenant.TenantSchemaNaming;
import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.routing.Catalog;
import io.citushibernate.testkit.routing.RouterAnalyzer;
import io.citushibernate.testkit.routing.Verdict;
import io.citushibernate.testkit.server.ClusterControl;
import io.citushibernate.testkit.server.Server;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.Table;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database of one test class: a schema on the JVM's server, its pool and session factory. */
final class TestDatabase implements CitusDatabase, InterceptingDataSource.Interceptor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis() / 1000) + "_"
      + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  private static final long STALE_SECONDS = 6 * 3600;
  private static final Set<Server> SWEPT = Collections.synchronizedSet(new HashSet<>());
  private static final InheritableThreadLocal<TestDatabase> ACTIVE = new InheritableThreadLocal<>();
  private static volatile TestDatabase lastActive;
  static final String MULTI_TASK_ERROR = "multi-task query about to be executed";
  /**
   * Citus refuses statements it cannot plan with SQLSTATE 0A000, which HikariCP takes for a
   * broken connection: keep the connection, so a test that expects the refusal can go on.
   */
  private static final SQLExceptionOverride KEEP_ON_REFUSAL = new SQLExceptionOverride() {
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
      return "0A000".equals(e.getSQLState()) ? SQLExceptionOverride.Override.DO_NOT_EVICT
          : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
  };

  /** A statement run through the data source. */
  record Executed(String sql, Map<Integer, Object> parameters, Verdict verdict, boolean multiShardAllowed) {
  }

  private final Server server;
  private final String schema;
  private final HikariDataSource pool;
  private final InterceptingDataSource dataSource;
  private final boolean routingCheck;
  private final List<Executed> log = Collections.synchronizedList(new ArrayList<>());
  private final Map<PGConnection, Boolean> relaxed = Collections.synchronizedMap(new WeakHashMap<>());
  private SessionFactory sessionFactory;
  private volatile RouterAnalyzer analyzer = new RouterAnalyzer(Catalog.EMPTY);
  private volatile boolean testAllowsMultiShard;
  private volatile IsolationWatch watch;
  /** Schema mode: the check that each statement stays in its tenant's schema, and the tenants the test class has; else {@code null}. */
  private volatile SchemaRoutingCheck schemaCheck;
  private final List<Object> tenants = new ArrayList<>();

  private TestDatabase(Server server, String schema, int poolSize, boolean routingCheck,
      Map<String, String> connectionProperties) {
    this.server = server;
    this.schema = schema;
    this.routingCheck = routingCheck;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername(server.user());
    if (server.password() != null) {
      config.setPassword(server.password());
    }
    connectionProperties.forEach(config::addDataSourceProperty);
    config.addDataSourceProperty("currentSchema", schema);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(0);
    config.setExceptionOverride(KEEP_ON_REFUSAL);
    config.setPoolName("citus-testkit-" + schema);
    if (server.kind().isCitus() && routingCheck) {
      config.setConnectionInitSql("SET citus.multi_task_query_log_level = 'error'");
    }
    this.pool = new HikariDataSource(config);
    this.dataSource = new InterceptingDataSource(pool, this);
  }

  /**
   * A new schema on {@code server} with the tables of {@code entities}, its pool's connections
   * with {@code connectionProperties} (pgjdbc's) besides the testkit's.
   */
  static TestDatabase create(Server server, List<Class<?>> entities, Map<String, Object> properties, int poolSize,
      boolean routingCheck, Map<String, String> connectionProperties) {
    String schema = "ctk_" + RUN + "_" + SCHEMAS.incrementAndGet();
    try (Connection c = server.connect(null); Statement s = c.createStatement()) {
      if (server.kind().isCitus()) {
        if (SWEPT.add(server)) {
          sweepStaleSchemas(c);
        }
        // A schema-sharded cluster would distribute the whole schema by itself.
        s.execute("SELECT set_config('citus.enable_schema_based_sharding', 'off', false) "
            + "WHERE current_setting('citus.enable_schema_based_sharding', true) IS NOT NULL");
      }
      s.execute("CREATE SCHEMA " + SqlQuoting.identifier(schema));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create schema " + schema + " on " + server.description() + ": "
          + e.getMessage(), e);
    }
    TestDatabase db = new TestDatabase(server, schema, poolSize, routingCheck, connectionProperties);
    try {
      if (!entities.isEmpty()) {
        db.buildSessionFactory(entities, properties);
      }
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    LOG.info("Schema {} on {}", schema, server.description());
    return db;
  }

  private void buildSessionFactory(List<Class<?>> entities, Map<String, Object> properties) {
    boolean schemaMode = SettingValues.schemaTenancy(properties);
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.connection.datasource", dataSource);
    // schema mode refuses hbm2ddl: the shared tables are created below, the tenants' by CitusTenants
    settings.put("hibernate.hbm2ddl.auto", schemaMode ? "none" : "create");
    if (schemaMode) {
      // the test schema is the shared one; tenant schemas are named after it, so test classes never share one
      settings.put(CitusSettings.SCHEMA_SHARED, schema);
      settings.put(CitusSettings.SCHEMA_NAMING, TenantSchemaNaming.prefixed(schema + "_t"));
    }
    settings.putAll(properties);
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      entities.forEach(sources::addAnnotatedClass);
      Metadata metadata = sources.buildMetadata();
      Catalog catalog = catalogOf(metadata, settings);
      sessionFactory = metadata.buildSessionFactory();
      analyzer = new RouterAnalyzer(catalog);
      if (schemaMode) {
        createSharedTables(metadata);
      }
      // With citus-hibernate off the unit is plain Hibernate, whose unscoped statements only
      // make sense on plain tables: on Citus they stay local tables of the coordinator.
      if (server.kind().isCitus() && !"false".equalsIgnoreCase(String.valueOf(settings.get(CitusSettings.ENABLED)))) {
        try (Connection c = server.connect(schema)) {
          CitusDistributor.distribute(c, schema, catalog);
        } catch (SQLException e) {
          throw new IllegalStateException("Cannot distribute the tables of " + schema + " on " + server.description()
              + ": " + e.getMessage() + ". The schema must be Citus-ready: every primary key and unique constraint "
              + "of a tenant table includes the tenant column.", e);
        }
      }
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  /**
   * Schema mode: the shared tables, as the application's migration of the shared schema would
   * create them, and the check that keeps each statement in its tenant's schema.
   */
  private void createSharedTables(Metadata metadata) {
    TenantSchemas schemas = TenantSchemas.of(sessionFactory);
    try (Connection c = server.connect(schema); Statement s = c.createStatement()) {
      for (String ddl : schemas.sharedDdl()) {
        s.execute(ddl);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the shared tables of " + schema + ": " + e.getMessage(), e);
    }
    Set<String> tenantTables = new HashSet<>();
    for (TenantTable t : TenantModel.of(metadata, true, null).tenantTables()) {
      tenantTables.add(t.name());
    }
    schemaCheck = new SchemaRoutingCheck(schemas.tenancy(), tenantTables, () -> server.connect(null));
  }

  /**
   * Schema mode: creates the schemas of {@code tenantValues} (as {@code @CitusTest(tenants)} gives
   * them, parsed as the unit's tenant type) through {@code CitusTenants}; they are dropped when
   * the database closes.
   */
  void createTenants(List<String> tenantValues) {
    if (tenantValues.isEmpty()) {
      return;
    }
    if (schemaCheck == null) {
      throw new IllegalStateException("@CitusTest(tenants) creates tenant schemas: it needs entities and "
          + "properties = \"" + CitusSettings.TENANCY + "=schema\"");
    }
    CitusTenants lifecycle = CitusTenants.of(sessionFactory);
    for (String value : tenantValues) {
      Object tenant = TenantSchemas.of(sessionFactory).tenancy().tenantType().parse(value);
      lifecycle.create(tenant);
      tenants.add(tenant);
    }
  }

  /** Tenant, reference and local tables from the mappings; in schema mode no table is distributed by a column. */
  static Catalog catalogOf(Metadata metadata, Map<String, ?> properties) {
    boolean schemaMode = SettingValues.schemaTenancy(properties);
    TenantModel model = TenantModel.of(metadata, schemaMode, null);
    Map<String, String> distributed = new LinkedHashMap<>();
    for (TenantTable t : schemaMode ? List.<TenantTable>of() : model.tenantTables()) {
      distributed.put(t.name(), Catalog.normalize(t.column()));
    }
    Set<String> local = new LinkedHashSet<>();
    for (Table t : metadata.collectTableMappings()) {
      local.add(t.isQuoted() ? t.getName() : t.getName().toLowerCase(Locale.ROOT));
    }
    return new Catalog(distributed, model.referenceTables(), local);
  }

  private static void sweepStaleSchemas(Connection c) throws SQLException {
    long now = System.currentTimeMillis() / 1000;
    List<String> stale = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname ~ '^ctk_[0-9]+_'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        long created = Long.parseLong(name.split("_")[1]);
        if (now - created > STALE_SECONDS) {
          stale.add(name);
        }
      }
    }
    for (String name : stale) {
      LOG.info("Dropping schema {} left behind by an earlier test run", name);
      try (Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + SqlQuoting.identifier(name) + " CASCADE");
      }
    }
  }

  // ---- CitusDatabase ----

  @Override
  public Kind kind() {
    return server.kind();
  }

  @Override
  public String description() {
    return server.description();
  }

  @Override
  public String jdbcUrl() {
    return server.jdbcUrl();
  }

  @Override
  public String schema() {
    return schema;
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public SessionFactory sessionFactory() {
    if (sessionFactory == null) {
      throw new IllegalStateException("No session factory: name the entities in @CitusTest(entities = {...}) "
          + "or CitusTestDatabase.create().entities(...)");
    }
    return sessionFactory;
  }

  boolean hasSessionFactory() {
    return sessionFactory != null;
  }

  @Override
  public List<String> statements() {
    List<String> sql = new ArrayList<>();
    synchronized (log) {
      log.forEach(e -> sql.add(e.sql()));
    }
    return sql;
  }

  @Override
  public void clearStatements() {
    log.clear();
  }

  @Override
  public void truncateAll() {
    if (sessionFactory != null) {
      sessionFactory.getCache().evictAllRegions();
    }
    try (Connection c = server.connect(schema)) {
      List<String> tables = new ArrayList<>();
      List<String> schemas = new ArrayList<>(List.of(schema));
      if (!tenants.isEmpty()) {
        CitusTenants lifecycle = CitusTenants.of(sessionFactory);
        tenants.forEach(t -> schemas.add(lifecycle.schemaOf(t)));
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT schemaname, tablename FROM pg_tables WHERE schemaname = ANY (?) ORDER BY schemaname, tablename")) {
        ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            tables.add(SqlQuoting.qualifiedIdentifier(rs.getString(1), rs.getString(2)));
          }
        }
      }
      if (!tables.isEmpty()) {
        try (Statement s = c.createStatement()) {
          s.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot truncate the tables of " + schema + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<ClusterControl> clusterControl() {
    return server.clusterControl();
  }

  // ---- test lifecycle ----

  void beginTest(boolean allowMultiShard) {
    testAllowsMultiShard = allowMultiShard;
    log.clear();
    ACTIVE.set(this);
    lastActive = this;
  }

  void endTest() {
    testAllowsMultiShard = false;
    watch = null;
    ACTIVE.remove();
  }

  /** The database of the running test. */
  static TestDatabase active() {
    TestDatabase db = ACTIVE.get();
    if (db == null) {
      db = lastActive;
    }
    if (db == null) {
      throw new IllegalStateException("No test database: use this inside a test class annotated with @CitusTest");
    }
    return db;
  }

  int mark() {
    return log.size();
  }

  List<Executed> since(int mark) {
    synchronized (log) {
      return new ArrayList<>(log.subList(Math.min(mark, log.size()), log.size()));
    }
  }

  Catalog catalog() {
    return analyzer.catalog();
  }

  /**
   * Analyses the next statements against {@code catalog}: the tables of a session factory that an
   * application built on this database itself (a Spring context), not the testkit.
   */
  void useCatalog(Catalog catalog) {
    analyzer = new RouterAnalyzer(catalog);
  }

  /** The connection settings of the schema, as Spring Boot's {@code spring.datasource.*} properties. */
  Map<String, String> springDataSourceProperties() {
    String url = server.jdbcUrl();
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    p.put("spring.datasource.username", server.user());
    if (server.password() != null) {
      p.put("spring.datasource.password", server.password());
    }
    return p;
  }

  void watch(IsolationWatch w) {
    this.watch = w;
  }

  Connection adminConnection() throws SQLException {
    return server.connect(schema);
  }

  private boolean multiShardAllowed() {
    // TenantContext.runCrossTenant(reason, ...) is citus-hibernate's own explicit, reasoned opt-out
    return !routingCheck || testAllowsMultiShard || RoutingCheck.isMultiShardAllowed() || TenantContext.isCrossTenant();
  }

  // ---- Interceptor ----

  @Override
  public void before(Connection target, String sql, Map<Integer, Object> parameters) throws SQLException {
    boolean allowed = multiShardAllowed();
    SchemaRoutingCheck schemas = schemaCheck;
    if (schemas != null && !allowed) {
      List<String> problems = schemas.problems(sql);
      if (!problems.isEmpty()) {
        log.add(new Executed(sql, parameters, analyzer.analyze(sql, parameters), allowed));
        throw new SQLException(SchemaRoutingCheck.refusal(sql, parameters, problems), "0A000");
      }
    }
    Verdict verdict = analyzer.analyze(sql, parameters);
    log.add(new Executed(sql, parameters, verdict, allowed));
    IsolationWatch w = watch;
    if (w != null) {
      w.statement(sql, verdict);
    }
    if (server.kind().isCitus()) {
      if (routingCheck) {
        relax(target, allowed);
      }
    } else if (!allowed && !verdict.routable()) {
      throw new SQLException(refusal(sql, parameters, String.join("; ", verdict.problems()),
          "the testkit's router analysis"), "0A000");
    }
  }

  @Override
  public SQLException failed(String sql, Map<Integer, Object> parameters, SQLException failure) {
    if (failure.getMessage() != null && failure.getMessage().contains(MULTI_TASK_ERROR)) {
      return new SQLException(refusal(sql, parameters, failure.getMessage().trim(),
          "Citus (citus.multi_task_query_log_level = 'error')"), failure.getSQLState(), failure);
    }
    return failure;
  }

  @Override
  public java.sql.ResultSet results(String sql, java.sql.ResultSet results) throws SQLException {
    IsolationWatch w = watch;
    return w == null ? results : w.wrap(sql, results);
  }

  private void relax(Connection target, boolean allowed) throws SQLException {
    PGConnection pg = target.isWrapperFor(PGConnection.class) ? target.unwrap(PGConnection.class) : null;
    if (pg == null) {
      return;
    }
    if (allowed) {
      setLogLevel(target, "off");
      relaxed.put(pg, Boolean.TRUE);
    } else if (relaxed.remove(pg) != null) {
      setLogLevel(target, "error");
    }
  }

  private static void setLogLevel(Connection target, String level) {
    try (Statement s = target.createStatement()) {
      s.execute("SET citus.multi_task_query_log_level = '" + level + "'");
    } catch (SQLException e) {
      LOG.debug("Cannot set citus.multi_task_query_log_level to {}: {}", level, e.getMessage());
    }
  }

  static String refusal(String sql, Map<Integer, Object> parameters, String why, String by) {
    return "Multi-shard statement refused by " + by + ": " + why + "\n  statement: " + sql
        + (parameters.isEmpty() ? "" : "\n  parameters: " + parameters)
        + "\n  Pin every distributed table to one tenant (run it inside TenantContext.run(tenant, ...)), or, for "
        + "deliberate multi-tenant work, run it in TenantContext.runCrossTenant(reason, ...), wrap it in "
        + "RoutingCheck.allowMultiShard(...) or annotate the test with @AllowMultiShard.";
  }

  @Override
  public void close() {
    if (!tenants.isEmpty() && sessionFactory.isOpen()) {
      CitusTenants lifecycle = CitusTenants.of(sessionFactory);
      for (Object tenant : tenants) {
        try {
          lifecycle.drop(tenant);
        } catch (RuntimeException e) {
          LOG.warn("Cannot drop tenant {}: {}", tenant, e.getMessage());
        }
      }
    }
    if (sessionFactory != null && sessionFactory.isOpen()) {
      sessionFactory.close();
    }
    pool.close();
    try (Connection c = server.connect(null); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SqlQuoting.identifier(schema) + " CASCADE");
    } catch (SQLException e) {
      LOG.warn("Cannot drop schema {}: {}", schema, e.getMessage());
    }
  }
}
