package io.citushibernate.internal.event;

import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.internal.mapping.TenantAttribute;
import java.util.Objects;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEntityEvent;
import org.hibernate.event.spi.FlushEntityEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.event.spi.PreUpsertEvent;
import org.hibernate.event.spi.PreUpsertEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Keeps every write inside the current tenant: persist (and a StatelessSession's insert, update
 * and upsert) fills the tenant key from the context, and persisting, merging, removing, inserting,
 * updating, upserting or deleting another tenant's entity, or changing a managed entity's tenant
 * key, fails before any SQL is sent for it.
 */
public final class TenantWriteListener implements PersistEventListener, MergeEventListener, DeleteEventListener,
    FlushEntityEventListener, PreInsertEventListener, PreUpdateEventListener, PreUpsertEventListener,
    PreDeleteEventListener {
  private static final long serialVersionUID = 1L;

  private final transient TenantGuard guard;

  public TenantWriteListener(io.citushibernate.internal.mapping.TenantModel model) {
    this.guard = new TenantGuard(model);
  }

  @Override
  public void onPersist(PersistEvent event) {
    persist(event.getObject(), event.getEntityName(), event.getSession());
  }

  @Override
  public void onPersist(PersistEvent event, PersistContext createdAlready) {
    persist(event.getObject(), event.getEntityName(), event.getSession());
  }

  private void persist(Object entity, String entityName, EventSource session) {
    if (entity == null || TenantGuard.lazy(entity) != null) {
      return;
    }
    EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
    if (entry != null && entry.getStatus() != Status.DELETED) {
      return; // already managed: persist is a no-op
    }
    EntityPersister persister = session.getEntityPersister(entityName, entity);
    TenantAttribute attribute = guard.attributeOf(persister);
    if (attribute == null) {
      return;
    }
    Object current = guard.currentTenant("persist " + persister.getEntityName(), session);
    Object value = guard.tenantOf(entity, persister, attribute, session);
    if (current == null) {
      if (value == null && attribute.kind() != TenantAttribute.Kind.ID) {
        throw new MissingTenantException("Cannot persist " + persister.getEntityName() + " in a cross-tenant "
            + "scope without its tenant: set " + attribute.attribute() + " explicitly.");
      }
      return;
    }
    if (value == null) {
      if (attribute.kind() != TenantAttribute.Kind.ID) {
        guard.assign(entity, persister, attribute, current, session);
      }
    } else if (!value.equals(current)) {
      throw TenantGuard.mismatch(persister.getEntityName(), null, value, current, "persist it");
    }
  }

  @Override
  public void onMerge(MergeEvent event) {
    merge(event);
  }

  @Override
  public void onMerge(MergeEvent event, MergeContext copiedAlready) {
    merge(event);
  }

  private void merge(MergeEvent event) {
    Object entity = event.getOriginal();
    if (entity == null || TenantGuard.lazy(entity) != null && TenantGuard.lazy(entity).isUninitialized()) {
      return;
    }
    EventSource session = event.getSession();
    EntityPersister persister = TenantGuard.persister(session, event.getEntityName(), entity);
    TenantAttribute attribute = guard.attributeOf(persister);
    if (attribute == null) {
      return;
    }
    Object current = guard.currentTenant("merge " + persister.getEntityName(), session);
    Object value = guard.tenantOf(entity, persister, attribute, session);
    if (current != null && value != null && !value.equals(current)) {
      throw TenantGuard.mismatch(persister.getEntityName(), persister.getIdentifier(entity, session), value,
          current, "merge it");
    }
    if (current != null && value == null && attribute.kind() != TenantAttribute.Kind.ID) {
      // A new entity is merged by inserting a copy, which the persist listener never sees: the
      // copy takes its tenant key from the original, so fill it in there, as persist would.
      guard.assign(TenantGuard.implementation(entity), persister, attribute, current, session);
    }
  }

  @Override
  public void onDelete(DeleteEvent event) {
    delete(event);
  }

  @Override
  public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
    delete(event);
  }

  private void delete(DeleteEvent event) {
    Object entity = event.getObject();
    if (entity == null) {
      return;
    }
    EventSource session = event.getSession();
    EntityPersister persister = TenantGuard.persister(session, event.getEntityName(), entity);
    TenantAttribute attribute = guard.attributeOf(persister);
    if (attribute == null) {
      return;
    }
    Object current = guard.currentTenant("remove " + persister.getEntityName(), session);
    if (current == null) {
      return;
    }
    Object value = guard.tenantOf(entity, persister, attribute, session);
    if (value != null && !value.equals(current)) {
      throw TenantGuard.mismatch(persister.getEntityName(), persister.getIdentifier(entity, session), value,
          current, "remove it");
    }
  }

  @Override
  public void onFlushEntity(FlushEntityEvent event) {
    EntityEntry entry = event.getEntityEntry();
    if (entry == null || entry.getStatus() != Status.MANAGED || entry.getLoadedState() == null) {
      return;
    }
    EntityPersister persister = entry.getPersister();
    TenantAttribute attribute = guard.attributeOf(persister);
    if (attribute == null || attribute.inId()) {
      return; // ids cannot change at all
    }
    SharedSessionContractImplementor session = event.getSession();
    Object loaded = guard.normalize(entry.getLoadedState()[guard.statePosition(persister, attribute)], attribute,
        persister);
    Object now = guard.tenantOf(event.getEntity(), persister, attribute, session);
    if (!Objects.equals(loaded, now)) {
      throw new TenantMismatchException(persister.getEntityName() + "#" + entry.getId() + ": the tenant key "
          + attribute.attribute() + " changed from " + loaded + " to " + now + ". Rows cannot move between "
          + "tenants (Citus cannot update a distribution column); copy the entity to the other tenant and "
          + "remove this one instead.");
    }
  }

  @Override
  public boolean onPreInsert(PreInsertEvent event) {
    return beforeWrite(event.getEntity(), event.getId(), event.getState(), event.getPersister(), event.getSession(),
        "insert");
  }

  @Override
  public boolean onPreUpdate(PreUpdateEvent event) {
    return beforeWrite(event.getEntity(), event.getId(), event.getState(), event.getPersister(), event.getSession(),
        "update");
  }

  @Override
  public boolean onPreUpsert(PreUpsertEvent event) {
    return beforeWrite(event.getEntity(), event.getId(), event.getState(), event.getPersister(), event.getSession(),
        "upsert");
  }

  /**
   * The last check before an entity's row is written, and the only one a StatelessSession passes
   * through (it fires no persist, merge or flush events): a row without its tenant gets the
   * current one, in the entity and in the state about to be written, as persist would give it; a
   * row of another tenant is refused.
   */
  private boolean beforeWrite(Object entity, Object id, Object[] state, EntityPersister persister,
      SharedSessionContractImplementor session, String operation) {
    TenantAttribute attribute = guard.attributeOf(persister);
    if (attribute == null) {
      return false;
    }
    Object current = guard.currentTenant(operation + " " + persister.getEntityName(), session);
    boolean byId = attribute.inId();
    int position = byId ? -1 : guard.statePosition(persister, attribute);
    Object value = byId ? guard.tenantOfId(id, attribute) : guard.normalize(state[position], attribute, persister);
    if (value == null) {
      if (attribute.kind() == TenantAttribute.Kind.ID) {
        return false; // an id the database generates: the rewriter writes the current tenant into it
      }
      if (byId) {
        throw new MissingTenantException("Cannot " + operation + " " + persister.getEntityName() + " without the "
            + "tenant in its id: set " + attribute.attribute() + " in the id (persist and merge fill it from the "
            + "tenant context; a StatelessSession takes the id as given).");
      }
      if (current == null) {
        throw new MissingTenantException("Cannot " + operation + " " + persister.getEntityName() + " in a "
            + "cross-tenant scope without its tenant: set " + attribute.attribute() + " explicitly, or "
            + operation + " it inside TenantContext.run(tenantId, ...).");
      }
      state[position] = guard.assign(entity, persister, attribute, current, session);
    } else if (current != null && !current.equals(value)) {
      throw TenantGuard.mismatch(persister.getEntityName(), id, value, current, operation + " it");
    }
    return false;
  }

  @Override
  public boolean onPreDelete(PreDeleteEvent event) {
    EntityPersister persister = event.getPersister();
    TenantAttribute attribute = guard.attributeOf(persister);
    if (attribute == null) {
      return false;
    }
    Object current = guard.currentTenant("delete " + persister.getEntityName(), event.getSession());
    Object value = attribute.inId() ? guard.tenantOfId(event.getId(), attribute)
        : guard.tenantOf(event.getEntity(), persister, attribute, event.getSession());
    if (current != null && value != null && !value.equals(current)) {
      throw TenantGuard.mismatch(persister.getEntityName(), event.getId(), value, current, "delete it");
    }
    return false;
  }
}
