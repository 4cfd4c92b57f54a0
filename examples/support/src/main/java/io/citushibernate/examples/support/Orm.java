package io.citushibernate.examples.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Boots Hibernate on an example's entities. Nothing here mentions Citus or tenants but one setting:
 * citus-hibernate registers itself through META-INF/services and reads @TenantKey and
 * @ReferenceTable.
 */
public final class Orm {
  private Orm() {
  }

  public static SessionFactory sessionFactory(DataSource dataSource, List<Class<?>> entities) {
    return sessionFactory(dataSource, entities, Map.of());
  }

  /** {@link #sessionFactory(DataSource, List)} with {@code extra} settings on top. */
  public static SessionFactory sessionFactory(DataSource dataSource, List<Class<?>> entities, Map<String, ?> extra) {
    Map<String, Object> settings = new HashMap<>(Map.of(
        "hibernate.connection.datasource", dataSource,
        // Liquibase owns the schema.
        "hibernate.hbm2ddl.auto", "none",
        // Why literal: the example prints the SQL text each statement was prepared with (SqlRecorder
        // sees it at Connection.prepareStatement). With the default, parameter binding, the tenant is
        // a JDBC parameter and that text reads "store_id = ?", which shows neither the tenant nor that
        // the predicate pins it. Literal binding writes "store_id = '8c69aa0d-...'" or
        // "company_id = 5" into the text, exactly what the Citus guides write by hand. Applications
        // keep the default: one SQL text for all tenants, so PostgreSQL (and Citus) reuse prepared
        // statements and plans.
        "citus.hibernate.tenant_binding", "literal"));
    settings.putAll(extra);
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      entities.forEach(sources::addAnnotatedClass);
      return sources.buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }
}
