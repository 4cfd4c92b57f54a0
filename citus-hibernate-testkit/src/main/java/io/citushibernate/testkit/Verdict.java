package io.citushibernate.testkit;

import java.util.List;
import java.util.Set;

/**
 * What the routing analyzer concludes about one statement.
 *
 * @param kind the verdict
 * @param tenant the distribution column value every distributed table is pinned to, as text;
 *     {@code null} when there is none or it is not known (an unbound parameter)
 * @param tables the distributed tables the statement references
 * @param write whether the statement writes a distributed table
 * @param problems why the statement is not single-shard, naming the table; empty when it is
 */
record Verdict(Kind kind, String tenant, Set<String> tables, boolean write, List<String> problems) {
  enum Kind {
    /** Utility or DDL: Citus does not plan it as a query. */
    NOT_A_QUERY,
    /** A query on no distributed table. */
    NO_DISTRIBUTED_TABLE,
    /** Every distributed table pinned to one tenant: Citus' router planner sends it to one shard. */
    SINGLE_SHARD,
    /** At least one distributed table is not pinned, or tables are pinned to different tenants. */
    MULTI_SHARD,
    /** A local table in a statement on distributed tables. */
    LOCAL_TABLE_MIX,
    /** The parser cannot read it; nothing is proven. */
    UNPARSEABLE
  }

  Verdict {
    tables = Set.copyOf(tables);
    problems = List.copyOf(problems);
  }

  /** Whether Citus runs it on one shard (or on none). */
  boolean routable() {
    return kind == Kind.NOT_A_QUERY || kind == Kind.NO_DISTRIBUTED_TABLE || kind == Kind.SINGLE_SHARD;
  }
}
