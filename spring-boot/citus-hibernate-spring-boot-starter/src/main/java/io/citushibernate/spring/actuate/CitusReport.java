package io.citushibernate.spring.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@code citus} endpoint answers: the citus extension, the cluster's nodes, how each table
 * of the Hibernate mapping is distributed, and the problems in words (empty when all is as mapped).
 *
 * @param citus {@value #PRESENT} or {@value #ABSENT} (plain PostgreSQL, where the library runs too)
 * @param version the citus extension's version, {@code null} when absent
 * @param mapping whose tables were compared with Citus' catalog, or why none were
 * @param nodes the rows of {@code pg_dist_node}
 * @param tables each table of the mapping, as mapped and as Citus has it
 * @param problems what differs from the mapping or is unavailable, each with its fix
 */
public record CitusReport(String citus, String version, String mapping, List<Node> nodes, List<TableReport> tables,
    List<String> problems) {
  public static final String PRESENT = "present";
  public static final String ABSENT = "absent";

  public CitusReport {
    nodes = List.copyOf(nodes);
    tables = List.copyOf(tables);
    problems = List.copyOf(problems);
  }

  /**
   * A node of the cluster ({@code pg_dist_node}).
   *
   * @param host the node's host name
   * @param port its port
   * @param group its group ({@code 0}: the coordinator)
   * @param role primary, secondary or unavailable
   * @param active whether Citus uses the node
   * @param shouldHaveShards whether new shards are placed on it
   */
  public record Node(String host, int port, int group, String role, boolean active, boolean shouldHaveShards) {
  }

  /**
   * A table of the mapping.
   *
   * @param table its name, schema-qualified when the mapping names a schema
   * @param mappedAs what the mapping expects: {@code distributed by <column>} or {@code reference table}
   * @param citusHas what Citus' catalog records
   * @param colocationGroup its colocation group, {@code null} for a table Citus does not distribute
   * @param asMapped whether Citus has it as mapped
   */
  public record TableReport(String table, String mappedAs, String citusHas, Integer colocationGroup,
      boolean asMapped) {
  }

  /** Whether the health contributor reports {@code UP}: no problem (also on plain PostgreSQL). */
  public boolean healthy() {
    return problems.isEmpty();
  }

  /** The health contributor's details: the extension, the mapping, the nodes and the problems, if any. */
  public Map<String, Object> healthDetails() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("citus", citus);
    if (version != null) {
      details.put("version", version);
      details.put("nodes", nodes);
    }
    details.put("mapping", mapping);
    if (!problems.isEmpty()) {
      details.put("problems", problems);
    }
    return details;
  }
}
