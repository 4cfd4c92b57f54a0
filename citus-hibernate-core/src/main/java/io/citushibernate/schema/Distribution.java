package io.citushibernate.schema;

import io.citushibernate.CitusHibernateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;
import org.hibernate.service.ServiceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Citus statements of a schema export, as one auxiliary database object: Hibernate exports
 * it after all tables and foreign keys on create, and drops it before them.
 *
 * <p>Foreign keys from distributed tables to reference tables are dropped before the Citus calls
 * and created again after them: with the coordinator in Citus' metadata (single-node clusters,
 * and any cluster that ran {@code citus_set_coordinator_host}), {@code create_reference_table}
 * turns every local table that references the new reference table into a Citus local table, and
 * such a table can no longer be distributed.
 *
 * <p>Before it is exported to a database it checks that database for the {@code citus}
 * extension; when the database cannot be reached (a script-only export without a connection) the
 * statements are included, since such a script is meant for a Citus coordinator.
 */
final class Distribution implements AuxiliaryDatabaseObject {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(Distribution.class);
  static final String EXPORT_IDENTIFIER = "citus-hibernate:distribution";
  static final String DETECT_SQL = "select 1 from pg_extension where extname = 'citus'";

  /** How the export learns whether the target database runs Citus. */
  enum Target {
    /** Ask the database over JDBC at export time. */
    DETECT,
    /** A script for a Citus coordinator: emit the statements as they are, unguarded. */
    SCRIPT
  }

  /** One Citus call, in dependency order. */
  record Step(Table table, String column, Table colocateWith, String colocateKeyword, int shardCount)
      implements java.io.Serializable {
    boolean reference() {
      return column == null;
    }
  }

  private final List<Step> steps;
  /** Foreign keys from distributed tables to reference tables, re-created after the Citus calls. */
  private final transient List<ForeignKey> toReferenceTables;
  private final transient Metadata metadata;
  private final Target target;
  private final boolean failWhenMissing;
  private final boolean dropOnExport;
  private final transient ServiceRegistry registry;

  Distribution(List<Step> steps, List<ForeignKey> toReferenceTables, Metadata metadata, Target target,
      boolean failWhenMissing, boolean dropOnExport, ServiceRegistry registry) {
    this.steps = List.copyOf(steps);
    this.toReferenceTables = List.copyOf(toReferenceTables);
    this.metadata = metadata;
    this.target = target;
    this.failWhenMissing = failWhenMissing;
    this.dropOnExport = dropOnExport;
    this.registry = registry;
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
    return false;
  }

  @Override
  public String[] sqlCreateStrings(SqlStringGenerationContext context) {
    if (steps.isEmpty() || target == Target.DETECT && !citusInstalled(true)) {
      return new String[0];
    }
    List<String> sql = new ArrayList<>();
    List<ForeignKey> detached = toReferenceTables.isEmpty() || target == Target.DETECT && allDistributed(context)
        ? List.of() : toReferenceTables;
    Dialect dialect = context.getDialect();
    for (ForeignKey fk : detached) {
      sql.addAll(List.of(dialect.getForeignKeyExporter().getSqlDropStrings(fk, metadata, context)));
    }
    for (Step step : steps) {
      String table = regclass(context, step.table());
      StringBuilder call = new StringBuilder("select ");
      if (step.reference()) {
        call.append("create_reference_table(").append(table).append(')');
      } else {
        call.append("create_distributed_table(").append(table).append(", ").append(literal(step.column()));
        if (step.colocateWith() != null) {
          call.append(", colocate_with => ").append(regclass(context, step.colocateWith()));
        } else if (step.colocateKeyword() != null) {
          call.append(", colocate_with => ").append(literal(step.colocateKeyword()));
        }
        if (step.shardCount() > 0) {
          call.append(", shard_count => ").append(step.shardCount());
        }
        call.append(')');
      }
      if (target == Target.DETECT) {
        // Export to a database may meet tables distributed by an earlier run (update): skip them.
        call.append(" where not exists (select 1 from pg_dist_partition where logicalrelid = ")
            .append(table).append("::regclass)");
      }
      sql.add(call.toString());
    }
    for (ForeignKey fk : detached) {
      sql.addAll(List.of(dialect.getForeignKeyExporter().getSqlCreateStrings(fk, metadata, context)));
    }
    return sql.toArray(String[]::new);
  }

  /**
   * Whether every table of {@link #steps} is in {@code pg_dist_partition} already (an export onto
   * a schema an earlier run distributed): then the foreign keys stay as they are.
   */
  private boolean allDistributed(SqlStringGenerationContext context) {
    StringBuilder query = new StringBuilder("select count(*) from pg_dist_partition where logicalrelid in (");
    for (int i = 0; i < steps.size(); i++) {
      query.append(i == 0 ? "" : ", ").append("to_regclass(").append(regclass(context, steps.get(i).table()))
          .append(")");
    }
    query.append(')');
    try {
      return Boolean.TRUE.equals(onBootstrapConnection(query.toString(),
          rs -> rs.next() && rs.getLong(1) == steps.size()));
    } catch (SQLException e) {
      LOG.debug("could not tell whether the tables are distributed already; re-creating foreign keys", e);
      return false;
    }
  }

  @Override
  public String[] sqlDropStrings(SqlStringGenerationContext context) {
    if (steps.isEmpty() || !dropOnExport || target == Target.DETECT && !citusInstalled(false)) {
      return new String[0];
    }
    List<String> sql = new ArrayList<>();
    for (int i = steps.size() - 1; i >= 0; i--) {
      // Foreign keys still exist when Hibernate drops auxiliary objects; cascading undistributes
      // the tables they connect, so later calls find nothing left to do.
      sql.add("select undistribute_table(logicalrelid, cascade_via_foreign_keys => true) from pg_dist_partition "
          + "where logicalrelid = to_regclass(" + regclass(context, steps.get(i).table()) + ")");
    }
    return sql.toArray(String[]::new);
  }

  private boolean citusInstalled(boolean creating) {
    Boolean installed;
    try {
      installed = onBootstrapConnection(DETECT_SQL, ResultSet::next);
    } catch (SQLException e) {
      throw new CitusHibernateException("citus-hibernate could not check the database for the citus extension ("
          + DETECT_SQL + "): " + e.getMessage(), e);
    }
    if (installed == null) {
      if (creating) {
        LOG.info("citus-hibernate cannot reach the database to look for the citus extension; the schema "
            + "script includes its {} Citus statement(s)", steps.size());
      }
      return true;
    }
    if (!installed && creating) {
      if (failWhenMissing) {
        throw new CitusHibernateException("The database has no citus extension, so the schema export cannot "
            + "distribute its " + steps.size() + " table(s). Fix: run CREATE EXTENSION citus on the coordinator, "
            + "or set " + CitusSchemaSettings.WHEN_CITUS_MISSING + "=skip to export plain PostgreSQL DDL.");
      }
      LOG.info("citus extension not installed: skipping {} Citus distribution statement(s) ({}=skip)",
          steps.size(), CitusSchemaSettings.WHEN_CITUS_MISSING);
    }
    return installed;
  }

  /** Reads a result set; may throw what JDBC throws. */
  private interface ResultReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * {@code query}'s result, read by {@code reader} on one of Hibernate's bootstrap connections, or
   * {@code null} when no connection can be had (a script-only export).
   */
  private <T> T onBootstrapConnection(String query, ResultReader<T> reader) throws SQLException {
    JdbcConnectionAccess access = registry == null ? null
        : registry.requireService(JdbcServices.class).getBootstrapJdbcConnectionAccess();
    Connection connection;
    try {
      connection = access == null ? null : access.obtainConnection();
    } catch (SQLException | RuntimeException e) {
      connection = null;
    }
    if (connection == null) {
      return null;
    }
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
      return reader.read(rs);
    } finally {
      try {
        access.releaseConnection(connection);
      } catch (SQLException e) {
        LOG.debug("releasing a bootstrap connection failed", e);
      }
    }
  }

  /** A table as a {@code regclass} literal, qualified with the default schema when one is set. */
  private static String regclass(SqlStringGenerationContext context, Table table) {
    return literal(context.format(table.getQualifiedTableName()));
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
