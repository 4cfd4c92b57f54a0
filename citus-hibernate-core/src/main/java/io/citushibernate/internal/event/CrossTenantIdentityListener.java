package io.citushibernate.internal.event;

import io.citushibernate.AmbiguousIdentityException;
import io.citushibernate.internal.mapping.TenantModel;
import io.citushibernate.tenant.TenantContext;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.persister.collection.CollectionPersister;

/**
 * In a cross-tenant scope, refuses to load entities whose ids may repeat across tenants
 * ({@link TenantModel#idsMayRepeatAcrossTenants}). A session identifies an entity by its id, so
 * a query over several tenants holding id 1 would hand out one tenant's instance for all of them,
 * and a load by id would match several tenants' rows. Entities with generated ids, or ids that
 * include the tenant, load normally.
 *
 * <p>Loads by id are refused before their SQL is sent; entities a query builds are refused as
 * they are built (post-load), whatever way the query reached them; collections are refused before
 * they load when their owner or their elements have such ids. Proxies are still handed out, and
 * refused when they initialize.
 */
public final class CrossTenantIdentityListener
    implements LoadEventListener, PostLoadEventListener, InitializeCollectionEventListener {
  private static final long serialVersionUID = 1L;

  private final transient TenantModel model;

  private CrossTenantIdentityListener(TenantModel model) {
    this.model = model;
  }

  /**
   * Registers the listener for {@code model}'s unit: first for loads and collection loads, so
   * nothing is sent before the refusal.
   */
  public static void register(EventListenerRegistry listeners, TenantModel model) {
    CrossTenantIdentityListener listener = new CrossTenantIdentityListener(model);
    listeners.prependListeners(EventType.LOAD, listener);
    listeners.prependListeners(EventType.POST_LOAD, listener);
    listeners.prependListeners(EventType.INIT_COLLECTION, listener);
  }

  @Override
  public void onLoad(LoadEvent event, LoadType loadType) {
    if (!loadType.isAllowProxyCreation() || event.getInstanceToLoad() != null) {
      refuse(event.getEntityClassName(), "load " + event.getEntityClassName() + "#" + event.getEntityId());
    }
  }

  @Override
  public void onPostLoad(PostLoadEvent event) {
    String entityName = event.getPersister().getEntityName();
    refuse(entityName, "read " + entityName + " entities");
  }

  @Override
  public void onInitializeCollection(InitializeCollectionEvent event) {
    if (!TenantContext.isCrossTenant()) {
      return;
    }
    String role = event.getCollection().getRole();
    refuse(event.getAffectedOwnerEntityName(), "load the collection " + role);
    CollectionPersister persister = event.getSession().getFactory().getMappingMetamodel().getCollectionDescriptor(role);
    if (persister.getAttributeMapping().getElementDescriptor() instanceof EntityValuedModelPart elements) {
      refuse(elements.getEntityMappingType().getEntityName(), "load the collection " + role);
    }
  }

  private void refuse(String entityName, String operation) {
    if (entityName == null || !TenantContext.isCrossTenant() || !model.idsMayRepeatAcrossTenants(entityName)) {
      return;
    }
    throw new AmbiguousIdentityException("Cannot " + operation + " in a cross-tenant scope: " + entityName
        + " has assigned ids, which may repeat across tenants, and a session keeps one instance per id, so "
        + "rows of different tenants would merge or a load by id would match another tenant's row. Nothing "
        + "was returned. Read across tenants with a scalar or DTO projection (select p.id, p.name from "
        + entityName + " p), or load the entities with one session per tenant inside TenantContext.run(tenantId, "
        + "...). Entities whose ids are generated (@GeneratedValue) or include the tenant column load across "
        + "tenants.");
  }
}
