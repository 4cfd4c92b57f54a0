package io.citushibernate;

/**
 * A tenant lifecycle step ({@code io.citushibernate.tenancy.CitusTenants}) cannot be done as
 * asked; {@link #problem()} says why, the message names the tenant, its schema and the fix.
 * Nothing was changed by the step that raised it.
 */
public class TenantSchemaException extends CitusHibernateException {
  private static final long serialVersionUID = 1L;

  /** Why a lifecycle step was refused. */
  public enum Problem {
    /** The tenant has no schema (it was never created, or was dropped). */
    UNKNOWN_TENANT,
    /** The tenant's schema name is taken by a schema citus-hibernate did not create for that tenant. */
    NAME_COLLISION,
    /** The step needs Citus, the database has no citus extension, and {@link CitusSettings#SCHEMA_WHEN_CITUS_MISSING} is {@code fail}. */
    CITUS_MISSING,
    /**
     * A move between the schema and the row model cannot be done: a row table or its tenant column
     * is missing, a row of the tenant's schema holds another tenant, or the tenant has rows in both
     * models.
     */
    MODEL_CONFLICT
  }

  private final Problem problem;

  public TenantSchemaException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
