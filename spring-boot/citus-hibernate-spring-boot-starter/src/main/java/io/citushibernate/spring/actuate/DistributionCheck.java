package io.citushibernate.spring.actuate;

import io.citushibernate.spring.actuate.CitusReport.Node;
import io.citushibernate.spring.actuate.CitusReport.TableReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares what the Hibernate mapping expects of each table with what Citus' catalog records, and
 * says what differs and how to fix it. No database here: the catalog rows come in as values, so
 * every case is testable without Citus.
 */
final class DistributionCheck {
  private DistributionCheck() {
  }

  /**
   * A table of the mapping.
   *
   * @param schema the schema the mapping names, {@code null} for the search path's (catalog form)
   * @param name the table name (catalog form)
   * @param column the tenant column it must be distributed by (catalog form), {@code null} for a reference table
   */
  record Expected(String schema, String name, String column) {
    /** The name, schema-qualified when the mapping names a schema. */
    String table() {
      return schema == null ? name : schema + "." + name;
    }

    boolean isReference() {
      return column == null;
    }

    String mappedAs() {
      return isReference() ? "reference table" : "distributed by " + column;
    }
  }

  /**
   * What Citus' catalog records of a table: {@code pg_dist_partition}, or nothing.
   *
   * @param exists whether the table exists at all
   * @param method {@code partmethod}: {@code h}ash, {@code n}one (reference and Citus local tables),
   *     {@code a}ppend, {@code r}ange; {@code null} for a table Citus does not know (local on the coordinator)
   * @param replication {@code repmodel}: {@code t} (two-phase commit) for reference tables
   * @param column the distribution column, {@code null} without one
   * @param colocationGroup {@code colocationid}, {@code null} for a table Citus does not know
   */
  record Recorded(boolean exists, String method, String replication, String column, Integer colocationGroup) {
    static final Recorded MISSING = new Recorded(false, null, null, null, null);

    String describe() {
      if (!exists) {
        return "missing";
      }
      if (method == null) {
        return "local table";
      }
      return switch (method) {
        case "h" -> "distributed by " + column;
        case "a" -> "append-distributed by " + column;
        case "r" -> "range-distributed by " + column;
        default -> "t".equals(replication) ? "reference table" : "Citus local table";
      };
    }

    /** {@link #describe()} after "is". */
    String asPredicate() {
      String described = describe();
      return described.endsWith("table") ? "a " + described : described;
    }
  }

  /** The tables as mapped and as recorded, and what differs. */
  record Result(List<TableReport> tables, List<String> problems) {
  }

  /** Compares each expected table with its catalog row in {@code recorded} (by {@link Expected#table}; none: missing). */
  static Result compare(List<Expected> expected, Map<String, Recorded> recorded) {
    List<TableReport> tables = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<Integer, List<String>> tenantGroups = new TreeMap<>();
    for (Expected e : expected) {
      Recorded r = recorded.getOrDefault(e.table(), Recorded.MISSING);
      String problem = e.isReference() ? referenceProblem(e, r) : tenantProblem(e, r);
      if (problem != null) {
        problems.add(problem);
      } else if (!e.isReference()) {
        tenantGroups.computeIfAbsent(r.colocationGroup(), g -> new ArrayList<>()).add(e.table());
      }
      tables.add(new TableReport(e.table(), e.mappedAs(), r.describe(), r.method() == null ? null : r.colocationGroup(),
          problem == null));
    }
    if (tenantGroups.size() > 1) {
      problems.add("the tenant tables are in " + tenantGroups.size() + " colocation groups " + tenantGroups
          + ": a join between tables of different groups is not a single-shard query. Colocate them: "
          + "create_distributed_table(table, column, colocate_with => '" + tenantGroups.values().iterator().next().get(0)
          + "')");
    }
    return new Result(tables, problems);
  }

  /** What is wrong with the nodes: each inactive one. */
  static List<String> nodeProblems(List<Node> nodes) {
    List<String> problems = new ArrayList<>();
    for (Node n : nodes) {
      if (!n.active()) {
        problems.add("node " + n.host() + ":" + n.port() + " (group " + n.group() + ", " + n.role()
            + ") is not active: its shards are unreachable. Bring it back and run citus_activate_node('" + n.host()
            + "', " + n.port() + ")");
      }
    }
    return problems;
  }

  private static String tenantProblem(Expected e, Recorded r) {
    String column = e.column();
    if (!r.exists()) {
      return e.table() + " does not exist: create it (schema export or migration) and distribute it by " + column;
    }
    if (r.method() == null) {
      return e.table() + " is a local table on the coordinator: distribute it by " + column
          + " (create_distributed_table('" + e.table() + "', '" + column + "'))";
    }
    if (!r.method().equals("h")) {
      return e.table() + " is " + r.asPredicate() + ", the mapping expects it distributed by " + column
          + ": undistribute_table('" + e.table() + "'), then create_distributed_table('" + e.table() + "', '"
          + column + "')";
    }
    if (!column.equals(r.column())) {
      return e.table() + " is distributed by " + r.column() + ", the mapping expects " + column
          + ": alter_distributed_table('" + e.table() + "', distribution_column => '" + column + "')";
    }
    return null;
  }

  private static String referenceProblem(Expected e, Recorded r) {
    if (!r.exists()) {
      return e.table() + " does not exist: create it (schema export or migration) and make it a reference table";
    }
    if (r.method() == null) {
      return e.table() + " is a local table on the coordinator, the mapping makes it a reference table: "
          + "create_reference_table('" + e.table() + "')";
    }
    if (!r.method().equals("n") || !"t".equals(r.replication())) {
      return e.table() + " is " + r.asPredicate() + ", the mapping makes it a reference table: undistribute_table('"
          + e.table() + "'), then create_reference_table('" + e.table() + "')";
    }
    return null;
  }
}
