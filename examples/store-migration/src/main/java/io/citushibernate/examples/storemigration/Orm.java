package io.citushibernate.examples.storemigration;

import io.citushibernate.examples.support.SqlRecorder;

import io.citushibernate.examples.storemigration.model.LineItem;
import io.citushibernate.examples.storemigration.model.Order;
import io.citushibernate.examples.storemigration.model.Product;
import io.citushibernate.examples.storemigration.model.Store;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Boots Hibernate on the migrated schema's entities. Nothing here mentions Citus or tenants but one
 * setting: citus-hibernate registers itself through META-INF/services and reads @TenantKey.
 */
public final class Orm {
  static final List<Class<?>> ENTITIES = List.of(Store.class, Product.class, Order.class, LineItem.class);

  private Orm() {
  }

  public static SessionFactory sessionFactory(DataSource dataSource) {
    Map<String, Object> settings = Map.of(
        "hibernate.connection.datasource", dataSource,
        // Liquibase owns the schema.
        "hibernate.hbm2ddl.auto", "none",
        // Why literal: the example prints the SQL text each statement was prepared with (SqlRecorder
        // sees it at Connection.prepareStatement). With the default, parameter binding, the tenant is
        // a JDBC parameter and that text reads "store_id = ?", which shows neither the store nor that
        // the predicate pins the guide's store. Literal binding writes "store_id = '8c69aa0d-...'"
        // into the text, exactly what the guide writes by hand. Applications keep the default: one
        // SQL text for all stores, so PostgreSQL (and Citus) reuse prepared statements and plans.
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
