package io.citushibernate.testing;

import org.hibernate.SessionFactory;
import org.hibernate.cache.spi.access.CollectionDataAccess;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Looks into the second-level cache under one tenant's key. Hibernate's {@code Cache.containsEntity}
 * asks with no tenant, and entries are keyed by the tenant of the session that put them.
 */
public final class SecondLevelCache {
  private SecondLevelCache() {
  }

  /** Whether the entity {@code id} is cached for {@code tenant}. */
  public static boolean containsEntity(SessionFactory sessionFactory, Class<?> entity, Object id, Object tenant) {
    SessionFactoryImplementor factory = sessionFactory.unwrap(SessionFactoryImplementor.class);
    EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(entity);
    EntityDataAccess access = persister.getCacheAccessStrategy();
    return access != null
        && access.contains(access.generateCacheKey(id, persister, factory, String.valueOf(tenant)));
  }

  /** Whether the collection {@code role} of owner {@code ownerId} is cached for {@code tenant}. */
  public static boolean containsCollection(SessionFactory sessionFactory, String role, Object ownerId, Object tenant) {
    SessionFactoryImplementor factory = sessionFactory.unwrap(SessionFactoryImplementor.class);
    CollectionPersister persister = factory.getMappingMetamodel().getCollectionDescriptor(role);
    CollectionDataAccess access = persister.getCacheAccessStrategy();
    return access != null
        && access.contains(access.generateCacheKey(ownerId, persister, factory, String.valueOf(tenant)));
  }
}
