package io.citushibernate.mapping;

/**
 * Where an entity keeps its tenant.
 *
 * @param entityName the Hibernate entity name
 * @param attribute the attribute holding the tenant (the id for the tenant entity itself)
 * @param kind how the attribute holds it
 * @param targetEntityName for {@link Kind#ASSOCIATION}, the tenant entity it refers to
 */
public record TenantAttribute(String entityName, String attribute, Kind kind, String targetEntityName) {
  /** How an attribute holds the tenant. */
  public enum Kind {
    /** A basic attribute holding the tenant value. */
    BASIC,
    /** A to-one association to the tenant entity; the tenant is its id. */
    ASSOCIATION,
    /** The id of the tenant entity itself. */
    ID
  }
}
