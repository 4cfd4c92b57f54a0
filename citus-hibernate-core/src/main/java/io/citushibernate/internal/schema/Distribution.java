package io.citushibernate.internal.schema;

import io.citushibernate.CitusSettings;
import io.citushibernate.CitusHibernateException;
import io.citushibernate.citus.CitusSql;
import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.internal.jdbc.TenantBinding;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
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
 * it after all tables and foreign keys on create and update.
 *
 * <p>It has no drop statements: a plain {@code DROP TABLE ... CASCADE}, which Hibernate runs on
 * create, create-drop and drop, drops distributed and reference tables with their shards. The
 * {@code undistribute_table} calls it used to run first copied every row back to the coordinator
 * (a multi-shard statement, refused under the routing check) and fail on tables with identity
 * columns ({@code 0A000 cannot complete operation on a table with identity column}).
 *
 * <p>Foreign keys are dropped before the Citus calls and created again after them when Citus
 * cannot keep them while the tables are distributed one by one:
 * <ul>
 *   <li>from a table not distributed yet to a reference table: with the coordinator in Citus'
 *       metadata (single-node clusters, and any cluster that ran {@code citus_set_coordinator_host}),
 *       such a key turns the table into a Citus local table, which can no longer be distributed;
 *   <li>between a table distributed by an earlier run and one added since ({@code update}): Citus
 *       refuses keys between a distributed and a local table, so Hibernate's own statement for it
 *       failed, and the key is added once both are distributed.
 * </ul>
 *
 * <p>When exported to a database, each Citus call turns the routing check
 * ({@code citus.multi_task_query_log_level}) off for its own statement only, skips tables an
 * earlier run distributed, and a last statement fails with the names of the tables that are still
 * not distributed (Hibernate logs failed schema statements and goes on; set
 * {@code hibernate.hbm2ddl.halt_on_error=true} to fail the boot instead).
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
  /**
   * The Citus setting applications use to refuse multi-shard statements. The export's own calls
   * are not tenant statements: each runs with it off, for that statement's transaction only
   * (Hibernate runs schema statements in auto-commit).
   */
  static final String ROUTING_CHECK_OFF =
      "(select set_config('citus.multi_task_query_log_level', 'off', true)) own_call";
  /**
   * A {@code pg_dist_partition} row of a distributed or reference table; a Citus local table
   * (colocation id 0, e.g. one Citus converted because of a key to a reference table) still has
   * to be distributed.
   */
  static final String DISTRIBUTED = "(p.partmethod <> 'n' or p.colocationid <> 0)";

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
  private final transient Metadata metadata;
  private final Target target;
  private final boolean failWhenMissing;
  private final transient ServiceRegistry registry;

  Distribution(List<Step> steps, Metadata metadata, Target target, boolean failWhenMissing,
      ServiceRegistry registry) {
    this.steps = List.copyOf(steps);
    this.metadata = metadata;
    this.target = target;
    this.failWhenMissing = failWhenMissing;
    this.registry = registry;
  }

  List<Step> steps() {
    return steps;
  }

  Target target() {
    return target;
  }

  Metadata metadata() {
    return metadata;
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
    if (steps.isEmpty() || target == Target.DETECT && !citusInstalled()) {
      return new String[0];
    }
    boolean toDatabase = target == Target.DETECT;
    List<ForeignKey> detached = detachedForeignKeys(toDatabase ? distributedAlready(context) : null);
    List<String> sql = new ArrayList<>();
    Dialect dialect = context.getDialect();
    for (ForeignKey fk : detached) {
      sql.addAll(List.of(dialect.getForeignKeyExporter().getSqlDropStrings(fk, metadata, context)));
    }
    for (Step step : steps) {
      sql.add(call(context, step));
    }
    for (ForeignKey fk : detached) {
      sql.addAll(List.of(dialect.getForeignKeyExporter().getSqlCreateStrings(fk, metadata, context)));
    }
    if (toDatabase) {
      sql.add(verification(context));
    }
    return sql.toArray(String[]::new);
  }

  /**
   * The Citus call of {@code step}; exported to a database, it runs without the routing check and
   * skips a table an earlier run distributed.
   */
  String call(SqlStringGenerationContext context, Step step) {
    String table = context.format(step.table().getQualifiedTableName());
    StringBuilder call = new StringBuilder("select ");
    if (step.reference()) {
      call.append(CitusSql.createReferenceTable(table));
    } else {
      String colocateWith = step.colocateWith() != null
          ? context.format(step.colocateWith().getQualifiedTableName()) : step.colocateKeyword();
      call.append(CitusSql.createDistributedTable(table, step.column(), colocateWith,
          step.shardCount() > 0 ? step.shardCount() : null));
    }
    if (target == Target.DETECT) {
      call.append(" from ").append(ROUTING_CHECK_OFF)
          .append(" where not exists (select 1 from pg_dist_partition p where p.logicalrelid = ")
          .append(SqlQuoting.literal(table)).append("::regclass and ").append(DISTRIBUTED).append(')');
    }
    return call.toString();
  }

  /**
   * The foreign keys between the tables of {@link #steps} that must wait for the Citus calls (see
   * the class comment), given the tables an earlier run distributed ({@code null}: a script,
   * where nothing is distributed yet).
   */
  private List<ForeignKey> detachedForeignKeys(Set<Table> distributed) {
    Set<Table> planned = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Table> reference = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Step step : steps) {
      planned.add(step.table());
      if (step.reference()) {
        reference.add(step.table());
      }
    }
    Set<Table> done = distributed == null ? Set.of() : distributed;
    List<ForeignKey> detached = new ArrayList<>();
    for (Step step : steps) {
      if (step.reference()) {
        continue;
      }
      for (ForeignKey fk : Layout.foreignKeys(step.table())) {
        Table target = fk.getReferencedTable();
        if (!fk.isCreationEnabled() || !planned.contains(target) || target == step.table()) {
          continue;
        }
        boolean sourceDone = done.contains(step.table());
        boolean toReferenceTable = reference.contains(target) && !sourceDone;
        boolean crossesRuns = sourceDone != done.contains(target);
        if (toReferenceTable || crossesRuns) {
          detached.add(fk);
        }
      }
    }
    return detached;
  }

  /**
   * The tables of {@link #steps} already distributed or reference tables (an export onto a schema
   * an earlier run distributed); every table when the database cannot tell, so that no key is
   * dropped on a guess.
   */
  private Set<Table> distributedAlready(SqlStringGenerationContext context) {
    StringBuilder query = new StringBuilder("select u.i from unnest(array[");
    for (int i = 0; i < steps.size(); i++) {
      query.append(i == 0 ? "" : ", ").append("to_regclass(").append(regclass(context, steps.get(i).table()))
          .append(")");
    }
    query.append("]) with ordinality u(rel, i) join pg_dist_partition p on p.logicalrelid = u.rel where ")
        .append(DISTRIBUTED);
    Set<Table> distributed = Collections.newSetFromMap(new IdentityHashMap<>());
    try {
      Boolean answered = onBootstrapConnection(query.toString(), rs -> {
        while (rs.next()) {
          distributed.add(steps.get(rs.getInt(1) - 1).table());
        }
        return true;
      });
      if (answered == null) {
        steps.forEach(s -> distributed.add(s.table()));
      }
    } catch (SQLException e) {
      LOG.debug("could not tell which tables are distributed already; keeping every foreign key", e);
      steps.forEach(s -> distributed.add(s.table()));
    }
    return distributed;
  }

  /**
   * A last statement that fails, naming them, when tables of {@link #steps} are not distributed
   * or reference tables: Hibernate logs a failed statement and goes on, so a Citus call that
   * failed would otherwise leave a half-distributed schema with nothing but a warning among many.
   */
  private String verification(SqlStringGenerationContext context) {
    StringBuilder tables = new StringBuilder();
    for (Step step : steps) {
      tables.append(tables.length() == 0 ? "" : ", ").append(regclass(context, step.table()));
    }
    return "do $citus_hibernate$ declare missing text; begin "
        + "select string_agg(t, ', ') into missing from unnest(array[" + tables + "]::text[]) t "
        + "where not exists (select 1 from pg_dist_partition p where p.logicalrelid = to_regclass(t) and "
        + DISTRIBUTED + "); "
        + "if missing is not null then raise exception 'citus-hibernate: the schema export did not distribute %; "
        + "the statement that failed for it is logged before this one', missing; end if; end $citus_hibernate$";
  }

  @Override
  public String[] sqlDropStrings(SqlStringGenerationContext context) {
    // DROP TABLE ... CASCADE drops distributed and reference tables; see the class comment.
    return new String[0];
  }

  private boolean citusInstalled() {
    Boolean installed;
    try {
      installed = onBootstrapConnection(DETECT_SQL, ResultSet::next);
    } catch (SQLException e) {
      throw new CitusHibernateException("citus-hibernate could not check the database for the citus extension ("
          + DETECT_SQL + "): " + e.getMessage(), e);
    }
    if (installed == null) {
      LOG.info("citus-hibernate cannot reach the database to look for the citus extension; the schema "
          + "script includes its {} Citus statement(s)", steps.size());
      return true;
    }
    if (!installed) {
      if (failWhenMissing) {
        throw new CitusHibernateException("The database has no citus extension, so the schema export cannot "
            + "distribute its " + steps.size() + " table(s). Fix: run CREATE EXTENSION citus on the coordinator, "
            + "or set " + CitusSettings.SCHEMA_WHEN_CITUS_MISSING + "=skip to export plain PostgreSQL DDL.");
      }
      LOG.info("citus extension not installed: skipping {} Citus distribution statement(s) ({}=skip)",
          steps.size(), CitusSettings.SCHEMA_WHEN_CITUS_MISSING);
    }
    return installed;
  }

  /** Reads a result set; may throw what JDBC throws. */
  interface ResultReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * {@code query}'s result, read by {@code reader} on one of Hibernate's bootstrap connections, or
   * {@code null} when no connection can be had (a script-only export).
   */
  <T> T onBootstrapConnection(String query, ResultReader<T> reader) throws SQLException {
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
    TenantBinding.markLibraryWork(connection); // citus-hibernate's own catalog read: unscoped, routing guard lifted
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
  static String regclass(SqlStringGenerationContext context, Table table) {
    return SqlQuoting.literal(context.format(table.getQualifiedTableName()));
  }
}
