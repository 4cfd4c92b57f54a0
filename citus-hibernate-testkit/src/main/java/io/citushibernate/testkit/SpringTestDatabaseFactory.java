package io.citushibernate.testkit;

import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.server.Providers;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Behind {@link AutoConfigureCitusDatabase}: one testkit database per Spring context. The
 * customizer is part of the context's cache key, so test classes with the same settings share the
 * context and its database.
 */
final class SpringTestDatabaseFactory implements ContextCustomizerFactory {
  static final String BEAN_NAME = "citusTestDatabase";

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    AutoConfigureCitusDatabase config = TestContextAnnotationUtils.findMergedAnnotation(testClass,
        AutoConfigureCitusDatabase.class);
    return config == null ? null : new Customizer(config.routingCheck(), config.poolSize());
  }

  /** The settings that make two contexts' databases alike. */
  private record Customizer(boolean routingCheck, int poolSize) implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      TestDatabase db = TestDatabase.create(Providers.server(), List.of(), Map.of(), poolSize, routingCheck, Map.of());
      System.out.println("[citus-hibernate-testkit] Spring context of "
          + mergedConfig.getTestClass().getSimpleName() + ": schema " + db.schema() + " on " + db.description());
      // first, so that the application's own properties (and its conditions on them) see the test schema
      context.getEnvironment().getPropertySources().addFirst(
          new MapPropertySource(BEAN_NAME, new LinkedHashMap<>(db.springDataSourceProperties())));
      context.getBeanFactory().registerSingleton(BEAN_NAME, db);
      context.addBeanFactoryPostProcessor(new DataSourceReplacement(db));
      context.addApplicationListener(new Lifecycle(db, context));
    }
  }

  /**
   * Puts the testkit's data source in the place of the application's, after every configuration
   * class (auto-configurations included) has registered its beans. A bean definition, not a
   * registered singleton, so that bean post-processors (citus-hibernate's starter) wrap it as
   * they would the application's.
   */
  private record DataSourceReplacement(TestDatabase db) implements BeanFactoryPostProcessor {
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
      String name = replaced(beanFactory);
      if (registry.containsBeanDefinition(name)) {
        registry.removeBeanDefinition(name);
      }
      RootBeanDefinition definition = new RootBeanDefinition(DataSource.class, db::dataSource);
      definition.setPrimary(true);
      registry.registerBeanDefinition(name, definition);
    }

    private static String replaced(ConfigurableListableBeanFactory beanFactory) {
      String[] names = beanFactory.getBeanNamesForType(DataSource.class, true, false);
      if (names.length == 0) {
        return "dataSource";
      }
      if (names.length == 1) {
        return names[0];
      }
      List<String> primary = new ArrayList<>();
      for (String n : names) {
        BeanDefinition d = beanFactory.containsBeanDefinition(n) ? beanFactory.getBeanDefinition(n) : null;
        if (d != null && d.isPrimary()) {
          primary.add(n);
        }
      }
      if (primary.size() != 1) {
        throw new IllegalStateException("@AutoConfigureCitusDatabase replaces the application's DataSource, but the "
            + "context has " + names.length + " DataSource beans " + List.of(names) + " and "
            + (primary.isEmpty() ? "none" : primary.size()) + " of them is @Primary: mark the one the application's "
            + "JPA and JDBC code uses as @Primary");
      }
      return primary.get(0);
    }
  }

  /** Reads the application's mapping once the context is up; closes the database with the context. */
  private record Lifecycle(TestDatabase db, ConfigurableApplicationContext context)
      implements ApplicationListener<ApplicationEvent> {
    @Override
    public void onApplicationEvent(ApplicationEvent event) {
      if (event instanceof ContextRefreshedEvent refreshed && refreshed.getApplicationContext() == context) {
        Set<SessionFactory> factories = new LinkedHashSet<>();
        context.getBeansOfType(EntityManagerFactory.class).values().forEach(emf -> factories.add(sessionFactoryOf(emf)));
        db.useCatalog(MappedCatalogs.of(factories));
      } else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
        db.close();
      }
    }

    /**
     * Through a session: Spring ORM's factory bean is an {@code EntityManagerFactory} too, and
     * answers {@code unwrap(SessionFactory.class)} with itself. A session needs no connection.
     */
    private static SessionFactory sessionFactoryOf(EntityManagerFactory emf) {
      return TenantContext.getCrossTenant("the testkit reads the mapping of the application's session factory", () -> {
        EntityManager em = emf.createEntityManager();
        try {
          return em.unwrap(Session.class).getSessionFactory();
        } finally {
          em.close();
        }
      });
    }
  }
}
