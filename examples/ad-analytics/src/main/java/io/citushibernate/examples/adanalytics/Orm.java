package io.citushibernate.examples.adanalytics;

import io.citushibernate.examples.adanalytics.model.Ad;
import io.citushibernate.examples.adanalytics.model.Campaign;
import io.citushibernate.examples.adanalytics.model.Click;
import io.citushibernate.examples.adanalytics.model.Company;
import io.citushibernate.examples.adanalytics.model.GeoIp;
import io.citushibernate.examples.adanalytics.model.Impression;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Boots Hibernate on the example's entities. Nothing here mentions Citus or tenants: citus-hibernate
 * registers itself through META-INF/services and reads @TenantKey / @ReferenceTable.
 */
public final class Orm {
  static final List<Class<?>> ENTITIES = List.of(Company.class, Campaign.class, Ad.class, Click.class,
      Impression.class, GeoIp.class);

  private Orm() {
  }

  public static SessionFactory sessionFactory(DataSource dataSource) {
    Map<String, Object> settings = Map.of(
        "hibernate.connection.datasource", dataSource,
        // Liquibase owns the schema.
        "hibernate.hbm2ddl.auto", "none",
        // The example prints the SQL it sends, so the tenant goes in as a literal. Applications keep
        // the default, parameter binding: one SQL text for all tenants, prepared statements reused.
        "citus.hibernate.tenant_binding", "literal");
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      ENTITIES.forEach(sources::addAnnotatedClass);
      return sources.buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }
}
