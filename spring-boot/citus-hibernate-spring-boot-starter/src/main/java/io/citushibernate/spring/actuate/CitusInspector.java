package io.citushibernate.spring.actuate;

import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.internal.jdbc.DataSourceScoping;
import io.citushibernate.internal.jdbc.TenantBinding;
import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.spring.actuate.CitusReport.Node;
import io.citushibernate.spring.actuate.DistributionCheck.Expected;
import io.citushibernate.spring.actuate.DistributionCheck.Recorded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the citus extension, {@code pg_dist_node} and {@code pg_dist_partition} of the application's
 * database and compares them with the Hibernate mapping built on it ({@link DistributionCheck}).
 *
 * <p>The mapping is the one the session factory handed its {@code TenantScopedDataSource} when it was
 * built (the starter wraps the application's {@code DataSource} in one unless
 * {@code citus.hibernate.jdbc.scope-data-source=false}). The reads are citus-hibernate's own catalog
 * work, like the schema export's: unscoped and with the routing guard lifted, whatever tenant the
 * calling thread has, and never bound to a tenant.
 */
final class CitusInspector {
  private final DataSource dataSource;

  CitusInspector(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The report, read now. */
  CitusReport inspect() throws SQLException {
    Optional<DataSourceScoping.Mapping> mapping = mapping();
    String mappingInWords = mapping.map(m -> "the Hibernate mapping of " + m.owner()).orElse(dataSource.isWrapperFor(
        DataSourceScoping.class) ? "none: no Hibernate mapping with tenant tables is built on the DataSource (yet)"
        : "none: the DataSource is not a TenantScopedDataSource (citus.hibernate.jdbc.scope-data-source=false), "
            + "so the mapping's tables are not known here");
    try (Connection connection = dataSource.getConnection()) {
      TenantBinding.markLibraryWork(connection);
      String version = citusVersion(connection);
      if (version == null) {
        return new CitusReport(CitusReport.ABSENT, null, mappingInWords, List.of(), List.of(), List.of());
      }
      List<Node> nodes = nodes(connection);
      List<Expected> expected = mapping.map(CitusInspector::expected).orElse(List.of());
      DistributionCheck.Result result = DistributionCheck.compare(expected, recorded(connection, expected));
      List<String> problems = new ArrayList<>(DistributionCheck.nodeProblems(nodes));
      problems.addAll(result.problems());
      return new CitusReport(CitusReport.PRESENT, version, mappingInWords, nodes, result.tables(), problems);
    }
  }

  private Optional<DataSourceScoping.Mapping> mapping() throws SQLException {
    return dataSource.isWrapperFor(DataSourceScoping.class)
        ? dataSource.unwrap(DataSourceScoping.class).mapping() : Optional.empty();
  }

  /** The mapping's tenant tables by name, then its reference tables by name. */
  private static List<Expected> expected(DataSourceScoping.Mapping mapping) {
    List<Expected> expected = new ArrayList<>();
    mapping.tables().stream()
        .map(t -> new Expected(t.schema(), t.name(), TenantTable.normalize(t.column())))
        .sorted(Comparator.comparing(Expected::table))
        .forEach(expected::add);
    mapping.referenceTables().stream().sorted().map(name -> new Expected(null, name, null)).forEach(expected::add);
    return expected;
  }

  private static String citusVersion(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select extversion from pg_catalog.pg_extension where extname = 'citus'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static List<Node> nodes(Connection connection) throws SQLException {
    List<Node> nodes = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select nodename, nodeport, groupid, noderole, isactive, shouldhaveshards "
            + "from pg_catalog.pg_dist_node order by groupid, nodename, nodeport")) {
      while (rs.next()) {
        nodes.add(new Node(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5),
            rs.getBoolean(6)));
      }
    }
    return nodes;
  }

  /**
   * The catalog row of each expected table, found as the application's statements find it
   * ({@code to_regclass}: the search path for unqualified names); a table that does not exist has none.
   */
  private static Map<String, Recorded> recorded(Connection connection, List<Expected> expected) throws SQLException {
    Map<String, Recorded> recorded = new HashMap<>();
    if (expected.isEmpty()) {
      return recorded;
    }
    Object[] names = expected.stream().map(e -> SqlQuoting.qualifiedIdentifier(e.schema(), e.name())).toArray();
    try (PreparedStatement s = connection.prepareStatement("select t.i, p.partmethod, p.repmodel, "
        + "case when p.partkey is not null then column_to_column_name(p.logicalrelid, p.partkey) end, p.colocationid "
        + "from unnest(?::text[]) with ordinality as t(name, i) "
        + "join pg_catalog.pg_class c on c.oid = to_regclass(t.name) "
        + "left join pg_catalog.pg_dist_partition p on p.logicalrelid = c.oid")) {
      s.setArray(1, connection.createArrayOf("text", names));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Expected e = expected.get(rs.getInt(1) - 1);
          String method = rs.getString(2);
          recorded.put(e.table(), new Recorded(true, method, rs.getString(3), rs.getString(4),
              method == null ? null : rs.getInt(5)));
        }
      }
    }
    return recorded;
  }
}
