package io.citushibernate.internal.event;

import io.citushibernate.TenantMismatchException;
import io.citushibernate.internal.mapping.TenantModel;
import io.citushibernate.tenant.TenantType;
import io.citushibernate.tenant.TenantContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.event.spi.LockEvent;
import org.hibernate.event.spi.LockEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PreLoadEvent;
import org.hibernate.event.spi.PreLoadEventListener;
import org.hibernate.event.spi.RefreshContext;
import org.hibernate.event.spi.RefreshEvent;
import org.hibernate.event.spi.RefreshEventListener;

/**
 * Holds every use of a session to the tenant it was opened for, as Hibernate's multi-tenancy
 * does: a session's first-level cache keeps entities by id alone, so once ids repeat across
 * tenants a session that served two tenants could hand one tenant's managed entity to the other.
 *
 * <p>The session's tenant is Hibernate's tenant identifier (see the integrator's resolver). Using
 * the session with another tenant, or in a cross-tenant scope when it was opened for a tenant (and
 * the reverse), fails with {@link TenantMismatchException} before the operation runs. A session
 * opened outside any scope can still read and write reference and local tables, but not tenant
 * entities. Queries outside a transaction fire no event before their SQL: those of a session
 * that serves a tenant are checked as their statements are prepared ({@link SessionStatementCheck}).
 */
public final class SessionTenantListener implements LoadEventListener, PreLoadEventListener,
    InitializeCollectionEventListener, PersistEventListener, MergeEventListener, DeleteEventListener,
    RefreshEventListener, LockEventListener, AutoFlushEventListener, FlushEventListener {
  private static final long serialVersionUID = 1L;

  private final transient TenantModel model;
  private final transient TenantType type;

  public SessionTenantListener(TenantModel model) {
    this.model = model;
    this.type = model.tenantType();
  }

  @Override
  public void onLoad(LoadEvent event, LoadType loadType) {
    check(event.getSession(), event.getEntityClassName(), "load " + event.getEntityClassName());
  }

  /** Before a loaded row becomes an entity, and before it goes into the second-level cache. */
  @Override
  public void onPreLoad(PreLoadEvent event) {
    String entityName = event.getPersister().getEntityName();
    check(event.getSession(), entityName, "load " + entityName);
  }

  @Override
  public void onInitializeCollection(InitializeCollectionEvent event) {
    check(event.getSession(), event.getAffectedOwnerEntityName(), "load the collection " + event.getCollection().getRole());
  }

  @Override
  public void onPersist(PersistEvent event) {
    checkEntity(event.getSession(), event.getEntityName(), event.getObject(), "persist");
  }

  @Override
  public void onPersist(PersistEvent event, PersistContext createdAlready) {
    onPersist(event);
  }

  @Override
  public void onMerge(MergeEvent event) {
    checkEntity(event.getSession(), event.getEntityName(), event.getOriginal(), "merge");
  }

  @Override
  public void onMerge(MergeEvent event, MergeContext copiedAlready) {
    onMerge(event);
  }

  @Override
  public void onDelete(DeleteEvent event) {
    checkEntity(event.getSession(), event.getEntityName(), event.getObject(), "remove");
  }

  @Override
  public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
    onDelete(event);
  }

  @Override
  public void onRefresh(RefreshEvent event) {
    checkEntity(event.getSession(), event.getEntityName(), event.getObject(), "refresh");
  }

  @Override
  public void onRefresh(RefreshEvent event, RefreshContext refreshedAlready) {
    onRefresh(event);
  }

  @Override
  public void onLock(LockEvent event) {
    checkEntity(event.getSession(), event.getEntityName(), event.getObject(), "lock");
  }

  /** Runs before every query in a transaction: a query of another tenant must not see this session's entities. */
  @Override
  public void onAutoFlush(AutoFlushEvent event) {
    check(event.getSession(), null, "query");
  }

  @Override
  public void onFlush(FlushEvent event) {
    check(event.getSession(), null, "flush");
  }

  /**
   * Compares the session's tenant with the thread's scope before {@code what} (for messages) runs.
   * {@code entityName} is the entity it is about; {@code null} for session-wide operations (flush,
   * queries), which a session
   * opened outside any scope may run, since it holds no tenant entity.
   */
  private void check(SharedSessionContractImplementor session, String entityName, String what) {
    Object opened = SessionTenant.openedFor(session, type);
    Object now = TenantContext.scope();
    if (opened != null) {
      SessionTenant.require(opened, now, what);
    } else if (now != null && now != TenantContext.CROSS_TENANT && entityName != null
        && model.isTenantEntity(entityName)) {
      throw new TenantMismatchException("Cannot " + what + " for tenant " + now
          + ": this session was opened outside any tenant scope. A session belongs to the tenant it is opened "
          + "for, as in Hibernate's multi-tenancy: open it inside TenantContext.run(" + now + ", ...), or with "
          + "sessionFactory.withOptions().tenantIdentifier(" + now + ").");
    }
  }

  /** {@link #check} for an operation on one entity instance, whose entity name the event may not carry. */
  private void checkEntity(EventSource session, String entityName, Object entity, String verb) {
    String name = entityName != null || entity == null ? entityName
        : TenantGuard.persister(session, null, entity).getEntityName();
    check(session, name, name == null ? verb : verb + " " + name);
  }
}
