package io.citushibernate.matrix;

import io.citushibernate.CitusSettings;
import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.tenancy.CitusTenants;
import io.citushibernate.tenant.TenantSchemaNaming;
import io.citushibernate.testkit.CitusTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The schema model's side of a cell: the shape's entities with {@code citus.hibernate.tenancy=schema} on a fresh
 * testkit schema (the shared one), and each of the matrix's tenants in a schema of its own, made with
 * {@link CitusTenants#create}. Its contents are read schema by schema: a row belongs to the tenant whose schema holds
 * it, and one whose tenant column names another tenant is filed under that one, so it shows as a difference.
 */
final class SchemaSide implements ShapeDatabases.LibrarySide {
  private final CitusTestDatabase db;
  private final SessionFactory sessionFactory;
  private final CitusTenants tenants;

  SchemaSide(Shape shape, boolean cache, String key) {
    db = CitusTestDatabase.create().poolSize(2).open();
    Map<String, Object> settings = new HashMap<>(ShapeDatabases.cacheSettings(shape, cache, "schema-" + key));
    settings.put("hibernate.connection.datasource", db.dataSource());
    settings.put("hibernate.hbm2ddl.auto", "none");
    settings.put(CitusSettings.TENANCY, "schema");
    settings.put(CitusSettings.SCHEMA_SHARED, db.schema());
    // tests on one server never share a tenant schema
    settings.put(CitusSettings.SCHEMA_NAMING, TenantSchemaNaming.prefixed(db.schema() + "_t"));
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    MetadataSources sources = new MetadataSources(registry);
    shape.entities.forEach(sources::addAnnotatedClass);
    try {
      sessionFactory = sources.buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      db.close();
      throw e;
    }
    tenants = CitusTenants.of(sessionFactory);
    MappingMatrixTest.TENANTS.forEach(tenants::create);
  }

  @Override
  public SessionFactory sessionFactory() {
    return sessionFactory;
  }

  @Override
  public void empty() {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (long tenant : MappingMatrixTest.TENANTS) {
        List<String> tables = TableContents.tables(c, tenants.schemaOf(tenant));
        if (!tables.isEmpty()) {
          String quoted = SqlQuoting.identifier(tenants.schemaOf(tenant));
          s.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> quoted + "." + SqlQuoting.identifier(t))
              .toList()) + " CASCADE");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot empty the tenant schemas: " + e.getMessage(), e);
    }
    sessionFactory.getCache().evictAllRegions();
  }

  @Override
  public Map<Long, Map<String, List<String>>> contents() {
    Map<Long, String> schemas = new HashMap<>();
    MappingMatrixTest.TENANTS.forEach(t -> schemas.put(t, tenants.schemaOf(t)));
    return TableContents.readSchemas(db, schemas);
  }

  @Override
  public void close() {
    try {
      MappingMatrixTest.TENANTS.forEach(tenants::drop);
    } finally {
      sessionFactory.close();
      db.close();
    }
  }
}
