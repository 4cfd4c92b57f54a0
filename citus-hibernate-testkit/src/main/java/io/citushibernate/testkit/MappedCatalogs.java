package io.citushibernate.testkit;

import io.citushibernate.testkit.routing.Catalog;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * The routing catalog of every session factory built while the testkit is on the class path,
 * read from its mapping at boot: an application's factory (a Spring context's) keeps no mapping
 * the testkit could read later. Registered through {@code META-INF/services}.
 */
public final class MappedCatalogs implements Integrator {
  private static final Map<SessionFactory, Catalog> CATALOGS = Collections.synchronizedMap(new WeakHashMap<>());

  /** Called by Hibernate's service loader. */
  public MappedCatalogs() {
  }

  @Override
  public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
    try {
      CATALOGS.put(sessionFactory, TestDatabase.catalogOf(metadata, sessionFactory.getProperties()));
    } catch (RuntimeException e) {
      // a mapping citus-hibernate refuses: its own integrator fails the boot with the reason
    }
  }

  @Override
  public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
    CATALOGS.remove(sessionFactory);
  }

  /** The tables of all of {@code factories}' mappings. */
  static Catalog of(Collection<SessionFactory> factories) {
    Catalog all = Catalog.EMPTY;
    for (SessionFactory f : factories) {
      all = all.and(CATALOGS.getOrDefault(f, Catalog.EMPTY));
    }
    return all;
  }
}
