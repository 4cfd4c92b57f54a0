package io.citushibernate.internal.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and distributes the tables a later release added to a schema an earlier run
 * distributed, before Hibernate's {@code update} adds their foreign keys.
 *
 * <p>Hibernate's update creates missing tables, then adds their foreign keys, then runs the
 * {@link Distribution}. A key between a new (still local) table and a distributed table is refused
 * by Citus ({@code 0A000 cannot create foreign key constraint since foreign keys from reference
 * tables and local tables to distributed tables are not supported}), and a pool that takes
 * {@code 0A000} for a broken connection (HikariCP) then fails every later statement of the
 * export. Exported before the tables, this object creates each missing table itself (Hibernate's
 * own {@code create table}) and distributes it, so that Hibernate finds it, adds its columns,
 * keys and indexes to a distributed table, and its keys join colocated tables.
 *
 * <p>It does nothing unless the database already holds a distributed table of the unit: on an
 * empty schema (create, create-drop, the first update) the tables are created by Hibernate and
 * distributed by {@link Distribution} as usual. It is never part of a script.
 */
final class EarlyDistribution implements AuxiliaryDatabaseObject {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(EarlyDistribution.class);
  static final String EXPORT_IDENTIFIER = "citus-hibernate:early-distribution";

  private final transient Distribution distribution;

  EarlyDistribution(Distribution distribution) {
    this.distribution = distribution;
  }

  @Override
  public String getExportIdentifier() {
    return EXPORT_IDENTIFIER;
  }

  @Override
  public boolean appliesToDialect(Dialect dialect) {
    return dialect instanceof PostgreSQLDialect;
  }

  @Override
  public boolean beforeTablesOnCreation() {
    return true;
  }

  @Override
  public String[] sqlCreateStrings(SqlStringGenerationContext context) {
    List<Distribution.Step> steps = distribution.steps();
    if (steps.isEmpty() || distribution.target() != Distribution.Target.DETECT) {
      return new String[0];
    }
    boolean[] missing = new boolean[steps.size()];
    boolean anyDistributed;
    try {
      Boolean answer = distribution.onBootstrapConnection(stateQuery(context, steps), rs -> {
        boolean distributed = false;
        while (rs.next()) {
          missing[rs.getInt(1) - 1] = !rs.getBoolean(2);
          distributed |= rs.getBoolean(3);
        }
        return distributed;
      });
      anyDistributed = Boolean.TRUE.equals(answer);
    } catch (SQLException e) {
      // No citus extension (no pg_dist_partition): nothing to distribute early.
      LOG.debug("could not read which tables exist and are distributed; leaving them to the export", e);
      return new String[0];
    }
    if (!anyDistributed) {
      return new String[0];
    }
    List<String> sql = new ArrayList<>();
    Dialect dialect = context.getDialect();
    for (int i = 0; i < steps.size(); i++) {
      if (missing[i]) {
        sql.addAll(List.of(dialect.getTableExporter().getSqlCreateStrings(steps.get(i).table(),
            distribution.metadata(), context)));
        sql.add(distribution.call(context, steps.get(i)));
      }
    }
    return sql.toArray(String[]::new);
  }

  /** Per table of {@code steps}: its position, whether it exists, whether it is distributed already. */
  private static String stateQuery(SqlStringGenerationContext context, List<Distribution.Step> steps) {
    StringBuilder query = new StringBuilder("select u.i, u.rel is not null, exists (select 1 from pg_dist_partition p "
        + "where p.logicalrelid = u.rel and " + Distribution.DISTRIBUTED + ") from unnest(array[");
    for (int i = 0; i < steps.size(); i++) {
      query.append(i == 0 ? "" : ", ").append("to_regclass(")
          .append(Distribution.regclass(context, steps.get(i).table())).append(")");
    }
    return query.append("]) with ordinality u(rel, i)").toString();
  }

  @Override
  public String[] sqlDropStrings(SqlStringGenerationContext context) {
    return new String[0];
  }
}
