package io.citushibernate.internal.event;

import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.internal.mapping.TenantAttribute;
import io.citushibernate.internal.mapping.TenantModel;
import io.citushibernate.tenant.TenantType;
import io.citushibernate.tenant.TenantContext;
import java.util.Optional;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.EventSource;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/** Reads an entity's tenant and compares it with the current one; shared by the listeners. */
final class TenantGuard {
  private final TenantModel model;
  private final TenantType type;

  TenantGuard(TenantModel model) {
    this.model = model;
    this.type = model.tenantType();
  }

  TenantAttribute attributeOf(EntityPersister persister) {
    return model.attributeOf(persister.getEntityName());
  }

  /**
   * The current tenant, coerced to the unit's type; {@code null} in a cross-tenant scope. Outside
   * any scope, a session opened for a tenant ({@code withOptions().tenantIdentifier(x)}) works for
   * that tenant.
   *
   * @param session the session, or {@code null} (a StatelessSession's events on Hibernate 6 carry none)
   * @throws MissingTenantException when no tenant is set and the session has none
   */
  Object currentTenant(String operation, SharedSessionContractImplementor session) {
    Optional<Object> tenant = TenantContext.current();
    if (tenant.isPresent()) {
      return type.coerce(tenant.get());
    }
    if (TenantContext.isCrossTenant()) {
      return null;
    }
    Object opened = session == null ? null : SessionTenant.openedFor(session, type);
    if (opened != null && opened != TenantContext.CROSS_TENANT) {
      return type.coerce(opened);
    }
    throw new MissingTenantException("No tenant is set to " + operation + ". Run it inside "
        + "TenantContext.run(tenantId, ...), in a session opened for the tenant, or inside "
        + "TenantContext.runCrossTenant(reason, ...) for deliberate cross-tenant work.");
  }

  /** The tenant {@code entity} belongs to, coerced, or {@code null} when not set yet. */
  Object tenantOf(Object entity, EntityPersister persister, TenantAttribute attribute,
      SharedSessionContractImplementor session) {
    if (attribute.inId()) {
      LazyInitializer lazy = lazy(entity);
      if (lazy != null) {
        return tenantOfId(lazy.getInternalIdentifier(), attribute);
      }
      return attribute.kind() == TenantAttribute.Kind.ID
          ? tenantOfId(persister.getIdentifier(entity, session), attribute)
          : coerce(attribute.idPart().read(entity));
    }
    Object target = implementation(entity);
    Object value = mapping(persister, attribute).getValue(target);
    return normalize(value, attribute, persister);
  }

  /** The tenant of an entity whose tenant is (in) its id, read from the id value; {@code null} when not set. */
  Object tenantOfId(Object id, TenantAttribute attribute) {
    return coerce(attribute.kind() == TenantAttribute.Kind.ID_PART ? attribute.idPart().fromId(id) : id);
  }

  /**
   * The tenant a value of the tenant attribute stands for: the value itself or the referenced id.
   * Needs no session: a StatelessSession's events carry none on Hibernate 6.
   */
  Object normalize(Object value, TenantAttribute attribute, EntityPersister persister) {
    if (value == null) {
      return null;
    }
    if (attribute.kind() == TenantAttribute.Kind.ASSOCIATION) {
      LazyInitializer lazy = lazy(value);
      Object id = lazy != null ? lazy.getInternalIdentifier()
          : persister.getFactory().getPersistenceUnitUtil().getIdentifier(value);
      return id == null ? null : type.coerce(id);
    }
    if (value instanceof Number n && n.longValue() == 0 && isPrimitive(attribute, persister)) {
      return null; // an unset primitive tenant key
    }
    return type.coerce(value);
  }

  /** {@code value} as the unit's tenant type, {@code null} stays {@code null}. */
  Object coerce(Object value) {
    return value == null ? null : type.coerce(value);
  }

  /**
   * Sets the tenant attribute of a new entity to {@code tenant}.
   *
   * @param session the session, or {@code null} (a StatelessSession's event on Hibernate 6): an
   *     association then gets a detached reference, which is all an insert reads of it
   * @return the value set: the tenant, or a reference to the tenant entity for an association
   */
  Object assign(Object entity, EntityPersister persister, TenantAttribute attribute, Object tenant,
      SharedSessionContractImplementor session) {
    if (attribute.kind() == TenantAttribute.Kind.ID_PART) {
      if (!attribute.idPart().assign(implementation(entity), tenant)) {
        throw new MissingTenantException(persister.getEntityName() + " has no id object to put the tenant into; "
            + "set its @EmbeddedId before persisting it (the tenant key in it is filled from the tenant context).");
      }
      return tenant;
    }
    AttributeMapping mapping = mapping(persister, attribute);
    Object value = attribute.kind() == TenantAttribute.Kind.ASSOCIATION
        ? persister.getFactory().getMappingMetamodel().getEntityDescriptor(attribute.targetEntityName())
            .createProxy(tenant, session)
        : tenant;
    mapping.setValue(implementation(entity), value);
    return value;
  }

  int statePosition(EntityPersister persister, TenantAttribute attribute) {
    return mapping(persister, attribute).getStateArrayPosition();
  }

  static TenantMismatchException mismatch(String entityName, Object id, Object entityTenant, Object current,
      String operation) {
    return new TenantMismatchException(entityName + (id == null ? "" : "#" + id) + " belongs to tenant "
        + entityTenant + ", but the current tenant is " + current + "; cannot " + operation
        + ". Work on it inside TenantContext.run(" + entityTenant + ", ...).");
  }

  private static AttributeMapping mapping(EntityPersister persister, TenantAttribute attribute) {
    return persister.findAttributeMapping(attribute.attribute());
  }

  private static boolean isPrimitive(TenantAttribute attribute, EntityPersister persister) {
    return mapping(persister, attribute).getPropertyAccess().getGetter().getReturnTypeClass().isPrimitive();
  }

  /**
   * The persister of {@code entity}, which may be a proxy: Hibernate's own lookup by class does
   * not know proxy classes.
   */
  static EntityPersister persister(EventSource session, String entityName, Object entity) {
    LazyInitializer lazy = lazy(entity);
    if (lazy == null) {
      return session.getEntityPersister(entityName, entity);
    }
    if (lazy.isUninitialized()) {
      return session.getFactory().getMappingMetamodel().getEntityDescriptor(lazy.getEntityName());
    }
    return session.getEntityPersister(entityName, lazy.getImplementation());
  }

  static LazyInitializer lazy(Object entity) {
    return entity instanceof HibernateProxy proxy ? proxy.getHibernateLazyInitializer() : null;
  }

  static Object implementation(Object entity) {
    LazyInitializer lazy = lazy(entity);
    return lazy == null ? entity : lazy.getImplementation();
  }
}
