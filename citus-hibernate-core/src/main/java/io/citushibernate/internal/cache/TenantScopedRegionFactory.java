package io.citushibernate.internal.cache;

import io.citushibernate.tenant.TenantContext;
import java.io.Serializable;
import java.util.Map;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.cache.CacheException;
import org.hibernate.cache.cfg.spi.DomainDataRegionBuildingContext;
import org.hibernate.cache.cfg.spi.DomainDataRegionConfig;
import org.hibernate.cache.spi.CacheTransactionSynchronization;
import org.hibernate.cache.spi.DomainDataRegion;
import org.hibernate.cache.spi.QueryResultsRegion;
import org.hibernate.cache.spi.RegionFactory;
import org.hibernate.cache.spi.TimestampsRegion;
import org.hibernate.cache.spi.access.AccessType;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.service.spi.Startable;

/**
 * The application's cache region factory, with query result regions that keep each tenant's
 * results apart.
 *
 * <p>Hibernate keys a cached query result by the SQL it generated, before the statement
 * inspector scoped it to the tenant, and by the session's tenant identifier, which is fixed when
 * the session opens and absent unless a tenant identifier resolver is configured. So without
 * this, the result one tenant cached would be served to the next tenant running the same query,
 * with no SQL sent. Here every key also carries what the thread works for when the result is
 * read or stored: the current tenant, a cross-tenant scope, or nothing. Entity and collection
 * regions are not changed: their entries are checked by the read listener.
 */
public final class TenantScopedRegionFactory implements RegionFactory, Startable {
  private static final long serialVersionUID = 1L;

  private final RegionFactory delegate;

  public TenantScopedRegionFactory(RegionFactory delegate) {
    this.delegate = delegate;
  }

  /** The key a query result is cached under for the calling thread's tenant scope. */
  static Object scopedKey(Object key) {
    return new ScopedKey(TenantContext.scope(), key);
  }

  /** A query cache key for one tenant scope. */
  record ScopedKey(Object scope, Object key) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  @Override
  public QueryResultsRegion buildQueryResultsRegion(String regionName, SessionFactoryImplementor sessionFactory) {
    return new ScopedQueryResultsRegion(delegate.buildQueryResultsRegion(regionName, sessionFactory), this);
  }

  @Override
  public void start(SessionFactoryOptions settings, Map<String, Object> configValues) throws CacheException {
    delegate.start(settings, configValues);
  }

  @Override
  public boolean isMinimalPutsEnabledByDefault() {
    return delegate.isMinimalPutsEnabledByDefault();
  }

  @Override
  public AccessType getDefaultAccessType() {
    return delegate.getDefaultAccessType();
  }

  @Override
  public String qualify(String regionName) {
    return delegate.qualify(regionName);
  }

  @Override
  public CacheTransactionSynchronization createTransactionContext(SharedSessionContractImplementor session) {
    return delegate.createTransactionContext(session);
  }

  @Override
  public long nextTimestamp() {
    return delegate.nextTimestamp();
  }

  @Override
  public long getTimeout() {
    return delegate.getTimeout();
  }

  @Override
  public DomainDataRegion buildDomainDataRegion(DomainDataRegionConfig regionConfig,
      DomainDataRegionBuildingContext buildingContext) {
    return delegate.buildDomainDataRegion(regionConfig, buildingContext);
  }

  @Override
  public TimestampsRegion buildTimestampsRegion(String regionName, SessionFactoryImplementor sessionFactory) {
    return delegate.buildTimestampsRegion(regionName, sessionFactory);
  }

  @Override
  public void stop() {
    delegate.stop();
  }

  @Override
  public void start() {
    if (delegate instanceof Startable startable) {
      startable.start();
    }
  }

  /** A query results region whose keys carry the tenant scope. */
  private static final class ScopedQueryResultsRegion implements QueryResultsRegion {
    private final QueryResultsRegion delegate;
    private final RegionFactory factory;

    ScopedQueryResultsRegion(QueryResultsRegion delegate, RegionFactory factory) {
      this.delegate = delegate;
      this.factory = factory;
    }

    @Override
    public Object getFromCache(Object key, SharedSessionContractImplementor session) {
      return delegate.getFromCache(scopedKey(key), session);
    }

    @Override
    public void putIntoCache(Object key, Object value, SharedSessionContractImplementor session) {
      delegate.putIntoCache(scopedKey(key), value, session);
    }

    @Override
    public String getName() {
      return delegate.getName();
    }

    @Override
    public RegionFactory getRegionFactory() {
      return factory;
    }

    @Override
    public void clear() {
      delegate.clear();
    }

    @Override
    public void destroy() throws CacheException {
      delegate.destroy();
    }
  }
}
