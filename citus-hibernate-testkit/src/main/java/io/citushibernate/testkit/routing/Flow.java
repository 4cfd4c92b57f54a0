package io.citushibernate.testkit.routing;

/**
 * How values cross the boundary of a subquery, derived table or CTE, as PostgreSQL plans it
 * (Citus prunes shards with the restrictions PostgreSQL derives).
 */
enum Flow {
  /** Pulled up into the outer query: equalities across it are ordinary equivalences. */
  OPEN,
  /** Outer values are pushed in (qual pushdown, anti-join), inner values do not come out. */
  INWARD,
  /** Planned on its own (a subplan): nothing crosses; its tables must be pinned by its own constants. */
  SEALED
}
