package io.citushibernate.testkit.routing;

import java.util.List;
import java.util.Set;

/**
 * What the {@link StatementWalker} read from one statement.
 *
 * @param refs the table references PostgreSQL runs, in the order they appear (not those of a
 *     SELECT CTE that nothing references: PostgreSQL drops it)
 * @param graph the equalities and restrictions among their columns
 * @param problems what rules a table out by itself, found while reading (an INSERT without its
 *     distribution column, an UPDATE of it)
 * @param explained the tables {@code problems} name: the solver does not judge them again
 * @param distributionUpdates UPDATEs that set the distribution column to a constant, allowed only
 *     when it is the value the row already has, which only the solver knows
 * @param referenceTableWrite the reference table the statement writes, {@code null} when none
 * @param write whether the statement writes a distributed table
 */
record Walk(List<TableRef> refs, EqualityGraph graph, List<String> problems, Set<TableRef> explained,
    List<DistributionUpdate> distributionUpdates, ReferenceTableWrite referenceTableWrite, boolean write) {
  /** An UPDATE that sets the distribution column of {@code target} to the constant {@code value}. */
  record DistributionUpdate(TableRef target, String value) {
  }

  /** A write ({@code statement}: UPDATE or DELETE) of a reference table. */
  record ReferenceTableWrite(TableRef table, String statement) {
  }
}
