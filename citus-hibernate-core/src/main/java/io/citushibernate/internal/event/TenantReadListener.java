package io.citushibernate.internal.event;

import io.citushibernate.TenantMismatchException;
import io.citushibernate.internal.mapping.TenantAttribute;
import io.citushibernate.internal.mapping.TenantModel;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Keeps reads that bypass SQL inside the current tenant. An entity found in the persistence
 * context or the second-level cache is only returned when it belongs to the current tenant, and
 * a lazy collection only loads for its owner's tenant.
 */
public final class TenantReadListener implements LoadEventListener, InitializeCollectionEventListener {
  private static final long serialVersionUID = 1L;

  private final transient TenantGuard guard;

  public TenantReadListener(TenantModel model) {
    this.guard = new TenantGuard(model);
  }

  @Override
  public void onLoad(LoadEvent event, LoadType loadType) {
    Object result = event.getResult();
    if (result == null) {
      return;
    }
    if (TenantGuard.lazy(result) != null && TenantGuard.lazy(result).isUninitialized()) {
      return; // checked when the proxy initializes, which loads again
    }
    EventSource session = event.getSession();
    EntityPersister persister = session.getEntityPersister(null, TenantGuard.implementation(result));
    TenantAttribute attribute = guard.attributeOf(persister);
    if (attribute == null) {
      return;
    }
    Object current = guard.currentTenant("load " + persister.getEntityName(), session);
    if (current == null) {
      return;
    }
    Object tenant = guard.tenantOf(result, persister, attribute, session);
    if (tenant != null && !tenant.equals(current)) {
      event.setResult(null); // another tenant's row does not exist for this tenant
    }
  }

  @Override
  public void onInitializeCollection(InitializeCollectionEvent event) {
    Object owner = event.getAffectedOwnerOrNull();
    if (owner == null) {
      return;
    }
    EventSource session = event.getSession();
    EntityPersister persister = session.getEntityPersister(event.getAffectedOwnerEntityName(), owner);
    TenantAttribute attribute = guard.attributeOf(persister);
    if (attribute == null) {
      return;
    }
    String role = event.getCollection().getRole();
    Object current = guard.currentTenant("load the collection " + role, session);
    if (current == null) {
      return;
    }
    Object tenant = guard.tenantOf(owner, persister, attribute, session);
    if (tenant != null && !tenant.equals(current)) {
      throw new TenantMismatchException("The collection " + role + " of " + persister.getEntityName() + "#"
          + event.getAffectedOwnerIdOrNull() + " belongs to tenant " + tenant + ", but the current tenant is "
          + current + "; it cannot be loaded across tenants. Load it inside TenantContext.run(" + tenant
          + ", ...).");
    }
  }
}
