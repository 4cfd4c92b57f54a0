package io.citushibernate.internal.metrics;

/** Why a statement was refused, unsent: the {@code reason} tag of {@code citus.hibernate.statements.refused}. */
public enum Refusal {
  /** No tenant was set ({@code MissingTenantException}). */
  MISSING_TENANT("missing-tenant"),
  /** The tenant value was not one the tenant key takes ({@code InvalidTenantException}). */
  INVALID_TENANT("invalid-tenant"),
  /** The statement wrote another tenant's value ({@code TenantMismatchException}). */
  TENANT_MISMATCH("tenant-mismatch"),
  /** The parser could not read it. */
  UNPARSEABLE("unparseable"),
  /** Longer or deeper than the parse limits ({@code citus.hibernate.max_statement_length}, {@code _nesting}). */
  TOO_LARGE("too-large"),
  /** Read, but a construct that cannot carry the tenant predicate (or several statements in one string). */
  UNSCOPABLE("unscopable"),
  /** Any other library exception. */
  OTHER("other");

  private final String tag;

  Refusal(String tag) {
    this.tag = tag;
  }

  /** The tag value. */
  public String tag() {
    return tag;
  }
}
