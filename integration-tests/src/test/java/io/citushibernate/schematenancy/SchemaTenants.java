package io.citushibernate.schematenancy;

import io.citushibernate.CitusSettings;
import io.citushibernate.tenancy.CitusTenants;
import io.citushibernate.tenancy.TenantInfo;
import io.citushibernate.tenant.TenantSchemaNaming;
import io.citushibernate.testkit.CitusTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * A schema-per-tenant session factory on a fresh testkit schema, which is the shared schema: the
 * {@code plans} reference table lives there, created by hand as an application's migration
 * would; the tenants' schemas are named after it ({@code <shared>_t<id>}), so that tests on one
 * server never share a tenant schema. Closing drops the tenants this factory created.
 */
final class SchemaTenants implements AutoCloseable {
  static final List<Class<?>> ENTITIES = List.of(Plan.class, Board.class, Card.class);

  final CitusTestDatabase database;
  final SessionFactory sessionFactory;
  final CitusTenants tenants;
  final String shared;

  private SchemaTenants(int poolSize, boolean withPlans, Map<String, Object> extra, List<Class<?>> entities) {
    database = CitusTestDatabase.create().poolSize(poolSize).open();
    shared = database.schema();
    if (withPlans) {
      createPlans();
    }
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.connection.datasource", database.dataSource());
    settings.put("hibernate.hbm2ddl.auto", "none");
    settings.put(CitusSettings.TENANCY, "schema");
    settings.put(CitusSettings.SCHEMA_SHARED, shared);
    settings.put(CitusSettings.SCHEMA_NAMING, TenantSchemaNaming.prefixed(shared + "_t"));
    settings.putAll(extra);
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    MetadataSources sources = new MetadataSources(registry);
    entities.forEach(sources::addAnnotatedClass);
    try {
      sessionFactory = sources.buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      database.close();
      throw e;
    }
    tenants = CitusTenants.of(sessionFactory);
  }

  static SchemaTenants open(int poolSize) {
    return new SchemaTenants(poolSize, true, Map.of(), ENTITIES);
  }

  static SchemaTenants open(int poolSize, boolean withPlans, Map<String, Object> extra) {
    return new SchemaTenants(poolSize, withPlans, extra, ENTITIES);
  }

  /** A factory mapping {@code entities} (with the plans table created), on a pool of {@code poolSize}. */
  static SchemaTenants open(int poolSize, List<Class<?>> entities) {
    return new SchemaTenants(poolSize, true, Map.of(), entities);
  }

  /** The shared reference table, as the application's own migration creates it. */
  void createPlans() {
    jdbc("CREATE TABLE plans (id bigint PRIMARY KEY, name varchar(255))");
    if (database.isCitus()) {
      jdbc("SELECT create_reference_table('plans')");
    }
  }

  /** Runs {@code sql} over plain JDBC on the testkit's pool (the connection's own search path: the shared schema). */
  void jdbc(String sql) {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first column of {@code sql}'s rows, read over plain JDBC. */
  List<Object> column(String sql) {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Object> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    try {
      for (TenantInfo tenant : tenants.list()) {
        tenants.drop(tenant.tenant());
      }
    } finally {
      sessionFactory.close();
      database.close();
    }
  }
}
