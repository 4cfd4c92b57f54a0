package io.citushibernate.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/** Builds session factories of test entity sets on a data source. */
final class Units {
  private Units() {
  }

  static SessionFactory build(DataSource dataSource, List<Class<?>> entities, Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.connection.datasource", dataSource);
    settings.put("hibernate.hbm2ddl.auto", "create");
    // literal tenants: the tests read the tenant predicate in the SQL that was sent
    settings.put("citus.hibernate.tenant_binding", "literal");
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
