package io.citushibernate.internal.mapping;

/**
 * Where an entity keeps its tenant.
 *
 * @param entityName the Hibernate entity name
 * @param attribute the attribute holding the tenant (the id for the tenant entity itself)
 * @param kind how the attribute holds it
 * @param targetEntityName for {@link Kind#ASSOCIATION}, the tenant entity it refers to
 * @param idPart for {@link Kind#ID_PART}, where the tenant sits in the id
 */
public record TenantAttribute(String entityName, String attribute, Kind kind, String targetEntityName, IdPart idPart) {
  public TenantAttribute(String entityName, String attribute, Kind kind, String targetEntityName) {
    this(entityName, attribute, kind, targetEntityName, null);
  }

  /** Whether the tenant is (part of) the id, which never changes once the entity exists. */
  public boolean inId() {
    return kind == Kind.ID || kind == Kind.ID_PART;
  }

  /** How an attribute holds the tenant. */
  public enum Kind {
    /** A basic attribute holding the tenant value. */
    BASIC,
    /** A to-one association to the tenant entity; the tenant is its id. */
    ASSOCIATION,
    /** The id of the tenant entity itself. */
    ID,
    /** One attribute of a composite id ({@code @IdClass} or {@code @EmbeddedId}). */
    ID_PART
  }
}
