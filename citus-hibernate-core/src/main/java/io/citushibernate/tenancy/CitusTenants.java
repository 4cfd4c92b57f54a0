package io.citushibernate.tenancy;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.CitusSettings;
import io.citushibernate.TenantSchemaException;
import io.citushibernate.TenantSchemaException.Problem;
import io.citushibernate.citus.CitusSql;
import io.citushibernate.citus.ShardTransferMode;
import io.citushibernate.citus.SqlQuoting;
import io.citushibernate.internal.jdbc.SchemaTenancy;
import io.citushibernate.internal.schema.TenantSchemas;
import io.citushibernate.tenant.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants of a schema-per-tenant session factory ({@link CitusSettings#TENANCY}{@code =schema}):
 * each tenant is a PostgreSQL schema holding its own copy of the tenant tables, on Citus a
 * distributed schema that Citus keeps whole on one node.
 *
 * <pre>{@code
 * CitusTenants tenants = CitusTenants.of(sessionFactory);
 * tenants.create(42L);                       // schema tenant_42, its tables, distributed on Citus
 * tenants.createSchema(43L);                 // schema tenant_43 alone: your migrations create the tables
 * tenants.list();                            // tenants with node and size
 * tenants.move(42L, "worker-2", 5432);       // citus_schema_move
 * CitusTenants.forEach(List.of(1L, 2L), tenant -> ...);  // cross-tenant work, one tenant at a time
 * Map<Long, Long> cards = CitusTenants.query(List.of(1L, 2L), tenant -> countCards());  // a read per tenant
 * tenants.drop(42L);
 * }</pre>
 *
 * <p>Every step is idempotent and can be run again after it failed half way: {@code create}
 * makes the schema, its marker comment and its tables in one transaction (all or nothing), then
 * distributes it unless Citus already did; {@code drop} and {@code move} do nothing when there is
 * nothing left to do. A schema of the tenant's name that citus-hibernate did not create for that
 * tenant is never touched ({@link Problem#NAME_COLLISION}). Without the citus extension the Citus
 * steps are skipped, or fail with {@link Problem#CITUS_MISSING} when
 * {@link CitusSettings#SCHEMA_WHEN_CITUS_MISSING} is {@code fail}.
 */
public final class CitusTenants {
  private static final Logger LOG = LoggerFactory.getLogger(CitusTenants.class);
  /** The comment that marks a schema as a tenant's, followed by the tenant value. */
  private static final String MARK = TenantSchemas.MARK;
  private static final String CITUS_INSTALLED = "SELECT 1 FROM pg_extension WHERE extname = 'citus'";
  /**
   * The colocation group of a distributed schema, the node of its first shard and the size of its
   * shards, from Citus' catalog tables (its views, {@code citus_schemas} and {@code citus_shards},
   * live in {@code public} or {@code pg_catalog} depending on the database).
   */
  private static final String PLACEMENT = "SELECT ds.colocationid,"
      + " (SELECT n.nodename || ':' || n.nodeport FROM pg_dist_partition p"
      + " JOIN pg_dist_shard s ON s.logicalrelid = p.logicalrelid JOIN pg_dist_placement pl ON pl.shardid = s.shardid"
      + " JOIN pg_dist_node n ON n.groupid = pl.groupid AND n.noderole = 'primary'"
      + " WHERE p.colocationid = ds.colocationid ORDER BY s.shardid LIMIT 1),"
      + " (SELECT coalesce(sum(css.size), 0) FROM citus_shard_sizes() css JOIN pg_dist_shard s ON s.shardid = css.shard_id"
      + " JOIN pg_dist_partition p ON p.logicalrelid = s.logicalrelid WHERE p.colocationid = ds.colocationid)"
      + " FROM pg_dist_schema ds WHERE ds.schemaid = to_regnamespace(?)";

  private final TenantSchemas schemas;
  private final SchemaTenancy tenancy;

  private CitusTenants(TenantSchemas schemas) {
    this.schemas = schemas;
    this.tenancy = schemas.tenancy();
  }

  /**
   * The tenants of {@code sessionFactory}.
   *
   * @throws CitusHibernateException when it does not run schema-per-tenant
   */
  public static CitusTenants of(SessionFactory sessionFactory) {
    return new CitusTenants(TenantSchemas.of(Objects.requireNonNull(sessionFactory, "sessionFactory")));
  }

  /**
   * Runs {@code action} for each of {@code tenants} in turn, inside its tenant scope: the
   * cross-tenant work of schema mode, where {@code TenantContext.runCrossTenant} has no single
   * schema to run in. Stops at the first exception, which it passes on.
   */
  public static void forEach(Iterable<?> tenants, Consumer<Object> action) {
    for (Object tenant : tenants) {
      TenantContext.run(tenant, () -> action.accept(tenant));
    }
  }

  /**
   * Runs {@code query} for each of {@code tenants} in turn, inside its tenant scope (so in its
   * schema), and returns each tenant's answer keyed by the tenant, in the order given: the
   * cross-tenant read of schema mode, over an explicit set of tenant schemas. Stops at the first
   * exception, which it passes on; no partial map is returned.
   *
   * @throws IllegalArgumentException when a tenant is listed twice, which would merge two answers under one key
   */
  public static <T, R> Map<T, R> query(Iterable<T> tenants, Function<? super T, ? extends R> query) {
    Objects.requireNonNull(query, "query");
    Map<T, R> answers = new LinkedHashMap<>();
    for (T tenant : tenants) {
      if (answers.containsKey(tenant)) {
        throw new IllegalArgumentException("Tenant " + tenant + " is listed twice in CitusTenants.query; list each "
            + "tenant once.");
      }
      answers.put(tenant, TenantContext.get(tenant, () -> query.apply(tenant)));
    }
    return Collections.unmodifiableMap(answers);
  }

  /** The schema of {@code tenant}, unquoted. */
  public String schemaOf(Object tenant) {
    return tenancy.schemaOf(tenant);
  }

  /**
   * Creates {@code tenant}: its schema with the tenant tables (and their sequences) of the
   * mapping, then, on Citus, distributes the schema unless schema-based sharding already did.
   * Does what is missing when the tenant exists already.
   *
   * @throws TenantSchemaException when the schema name is taken ({@link Problem#NAME_COLLISION}),
   *     Citus is missing and must not be ({@link Problem#CITUS_MISSING}), or the shared schema holds a
   *     table named like a tenant table ({@link Problem#MODEL_CONFLICT})
   */
  public void create(Object tenant) {
    create(tenant, true);
  }

  /**
   * Creates {@code tenant}'s schema without tables, then, on Citus, distributes it: for
   * applications whose migrations create the tenant tables (citus-liquibase's
   * {@code TenantSchemaMigrations} runs a changelog in every tenant schema; on Citus the tables
   * join the distributed schema as they are created). Does what is missing when the schema exists.
   *
   * @throws TenantSchemaException as {@link #create(Object)}
   */
  public void createSchema(Object tenant) {
    create(tenant, false);
  }

  private void create(Object tenant, boolean withTables) {
    Object value = tenancy.tenantType().coerce(tenant);
    String schema = tenancy.schemaOf(value);
    onConnection((connection, raw) -> {
      requireNoTenantTablesInShared(raw, value);
      SchemaState state = stateOf(raw, schema, value);
      if (state == SchemaState.ABSENT) {
        try {
          createSchema(raw, schema, value, withTables);
        } catch (SQLException e) {
          // created by a concurrent create of the same tenant: fine if it is ours
          if (!"42P06".equals(e.getSQLState()) || stateOf(raw, schema, value) != SchemaState.OURS) {
            throw e;
          }
        }
      } else if (state == SchemaState.FOREIGN) {
        throw collision(schema, value);
      }
      if (citusInstalled(connection, "distribute tenant schema " + schema)) {
        distribute(connection, schema);
      }
      return null;
    });
  }

  /**
   * The tenants that exist, by schema name: on Citus with the node that holds each and the size
   * of its shards (Citus' catalog, as {@code citus_schemas} shows it); on plain PostgreSQL from
   * {@code pg_namespace}.
   */
  public List<TenantInfo> list() {
    return onConnection((connection, raw) -> {
      List<TenantInfo> tenants = new ArrayList<>();
      boolean citus = isCitus(connection);
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT n.nspname, obj_description(n.oid, 'pg_namespace'), coalesce((SELECT sum(pg_total_relation_size(c.oid))"
              + " FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'm')), 0)"
              + " FROM pg_namespace n WHERE obj_description(n.oid, 'pg_namespace') LIKE 'citus-hibernate tenant %'"
              + " ORDER BY n.nspname")) {
        while (rs.next()) {
          Object tenant = tenantOf(rs.getString(1), rs.getString(2));
          if (tenant != null) {
            tenants.add(new TenantInfo(tenant, rs.getString(1), false, null, rs.getLong(3)));
          }
        }
      }
      if (!citus) {
        return tenants;
      }
      List<TenantInfo> placed = new ArrayList<>();
      for (TenantInfo t : tenants) {
        Placement placement = placementOf(connection, t.schema());
        placed.add(placement == null ? t
            : new TenantInfo(t.tenant(), t.schema(), true, placement.node(), placement.sizeBytes()));
      }
      return placed;
    });
  }

  /** {@link #move(Object, String, int, ShardTransferMode)} in Citus' default transfer mode ({@code auto}). */
  public void move(Object tenant, String host, int port) {
    move(tenant, host, port, ShardTransferMode.AUTO);
  }

  /**
   * Moves {@code tenant}'s schema, every table of it, to the Citus node {@code host:port}
   * ({@code citus_schema_move}); nothing when it is there already. A schema not yet distributed
   * is distributed first.
   *
   * @throws TenantSchemaException when the tenant does not exist ({@link Problem#UNKNOWN_TENANT}),
   *     its schema is not ours ({@link Problem#NAME_COLLISION}), or Citus is missing and must not
   *     be ({@link Problem#CITUS_MISSING})
   */
  public void move(Object tenant, String host, int port, ShardTransferMode mode) {
    Object value = tenancy.tenantType().coerce(tenant);
    String schema = tenancy.schemaOf(value);
    onConnection((connection, raw) -> {
      requireOurs(raw, schema, value);
      if (!citusInstalled(connection, "move tenant schema " + schema)) {
        return null;
      }
      distribute(connection, schema);
      if (!(host + ":" + port).equals(placementOf(connection, schema).node())) {
        execute(connection, "SELECT " + CitusSql.schemaMove(SqlQuoting.identifier(schema), host, port, mode));
      }
      return null;
    });
  }

  /**
   * Moves {@code tenant} to the row model: copies the rows of its schema into the row model's
   * tables in {@code rowSchema} (the same tables, holding every tenant's rows, each with its
   * tenant column), then drops its schema, in one transaction. The tables are the mapping's tenant
   * tables, parents before children; only the columns both sides have are copied, and the row
   * model's sequences are set past the tenant's so later ids do not repeat them. Every row must
   * carry the tenant in its {@code @TenantKey} column, which schema mode fills on every insert.
   *
   * <p>Idempotent: a tenant with no schema left and rows in the row model was moved already.
   * {@code rowSchema} must not be the shared schema of schema mode: a schema-mode statement of a
   * tenant whose schema is gone would fall through to the row tables there, which hold every
   * tenant's rows and get no tenant predicate in schema mode.
   *
   * @throws TenantSchemaException {@link Problem#MODEL_CONFLICT} when a row table or tenant column
   *     is missing, a row holds another tenant, or the tenant has rows in the row model already;
   *     {@link Problem#UNKNOWN_TENANT} when it has neither a schema nor rows;
   *     {@link Problem#NAME_COLLISION} when its schema is not ours
   */
  public void moveToRowModel(Object tenant, String rowSchema) {
    Object value = tenancy.tenantType().coerce(tenant);
    String schema = tenancy.schemaOf(value);
    checkRowSchema(rowSchema, schema, value);
    onConnection((connection, raw) -> {
      SchemaState state = stateOf(raw, schema, value);
      if (state == SchemaState.FOREIGN) {
        throw collision(schema, value);
      }
      ModelMove move = new ModelMove(raw, schemas.tenantColumns(), value, schema, rowSchema);
      if (state == SchemaState.ABSENT) {
        if (move.rowsInRowModel() == 0) {
          throw new TenantSchemaException(Problem.UNKNOWN_TENANT, "Tenant " + value + " has neither a schema ("
              + schema + ") nor rows in the row model in " + rowSchema + "; there is nothing to move.");
        }
        return null; // moved already
      }
      inTransaction(raw, s -> {
        if (move.rowsInRowModel() > 0) {
          throw new TenantSchemaException(Problem.MODEL_CONFLICT, "Tenant " + value + " has rows in the row model "
              + "in " + rowSchema + " already and a schema " + schema + " too; it was not moved. Decide which copy "
              + "is right, delete the other, and move again.");
        }
        move.copyToRows();
        s.execute("DROP SCHEMA " + SqlQuoting.identifier(schema) + " CASCADE");
      });
      LOG.info("Moved tenant {} from schema {} to the row model in {}", value, schema, rowSchema);
      return null;
    });
  }

  /**
   * Moves {@code tenant} from the row model into its schema: copies its rows of the row model's
   * tables in {@code rowSchema} (by their tenant columns) into its schema's tables, then deletes
   * them from the row tables, in one transaction; the schema's sequences are set past the row
   * model's. Create the schema first, with {@link #create} or {@link #createSchema} and your
   * migrations. Idempotent: with no rows of the tenant left in the row model there is nothing to do.
   *
   * @throws TenantSchemaException {@link Problem#UNKNOWN_TENANT} when its schema does not exist,
   *     {@link Problem#MODEL_CONFLICT} when a table is missing or its schema holds rows already,
   *     {@link Problem#NAME_COLLISION} when its schema is not ours
   */
  public void moveFromRowModel(Object tenant, String rowSchema) {
    Object value = tenancy.tenantType().coerce(tenant);
    String schema = tenancy.schemaOf(value);
    checkRowSchema(rowSchema, schema, value);
    onConnection((connection, raw) -> {
      requireOurs(raw, schema, value);
      ModelMove move = new ModelMove(raw, schemas.tenantColumns(), value, schema, rowSchema);
      inTransaction(raw, s -> {
        if (move.rowsInRowModel() == 0) {
          return; // moved already, or nothing to move
        }
        if (move.rowsInSchema() > 0) {
          throw new TenantSchemaException(Problem.MODEL_CONFLICT, "Tenant " + value + " has rows in its schema "
              + schema + " already and in the row model in " + rowSchema + " too; it was not moved. Decide which "
              + "copy is right, delete the other, and move again.");
        }
        move.copyToSchema();
      });
      LOG.info("Moved tenant {} from the row model in {} to schema {}", value, rowSchema, schema);
      return null;
    });
  }

  /**
   * A tenant's statements find a table in the shared schema whenever their own schema lacks it
   * (the shared schema is last on every {@code search_path}): between {@link #createSchema} and
   * the migration that makes the tenant's tables, or for a table a migration has not reached yet.
   * A table of a tenant table's name there (the row model's tables, left in place) would then
   * answer with every tenant's rows, and schema mode adds no predicate; so no tenant is created
   * while one exists.
   */
  private void requireNoTenantTablesInShared(Connection connection, Object tenant) throws SQLException {
    List<String> found = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
        + "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', "
        + "'f') ORDER BY c.relname")) {
      ps.setString(1, tenancy.sharedSchema());
      ps.setArray(2, connection.createArrayOf("text", schemas.tenantColumns().keySet().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    if (!found.isEmpty()) {
      String shared = tenancy.sharedSchema();
      throw new TenantSchemaException(Problem.MODEL_CONFLICT, "Tenant " + tenant + " was not created: the shared "
          + "schema " + shared + " (" + CitusSettings.SCHEMA_SHARED + ") holds " + found + ", named like tenant "
          + "tables. A tenant's statement on a table its own schema lacks would read the shared one, with every "
          + "tenant's rows. Move them to a schema of their own (ALTER TABLE " + SqlQuoting.identifier(shared) + "."
          + SqlQuoting.identifier(found.get(0)) + " SET SCHEMA rows; moveFromRowModel(tenant, \"rows\") then moves "
          + "each tenant's rows into its schema) or drop them.");
    }
  }

  private void checkRowSchema(String rowSchema, String tenantSchema, Object tenant) {
    if (rowSchema == null || rowSchema.isBlank() || rowSchema.equals(tenantSchema)) {
      throw new TenantSchemaException(Problem.MODEL_CONFLICT, "Tenant " + tenant + " needs the schema of the row "
          + "model's tables to move, not '" + rowSchema + "'.");
    }
    if (rowSchema.equals(tenancy.sharedSchema())) {
      throw new TenantSchemaException(Problem.MODEL_CONFLICT, "The row model's tables must not live in the shared "
          + "schema of schema mode (" + rowSchema + ", " + CitusSettings.SCHEMA_SHARED + "): a schema-mode statement "
          + "of a tenant whose schema is missing would fall through to them and see every tenant's rows. Keep them "
          + "in a schema of their own (e.g. the row model's hibernate.default_schema) until every tenant has moved.");
    }
  }

  /**
   * Drops {@code tenant}'s schema and everything in it; nothing when it does not exist.
   *
   * @throws TenantSchemaException when the schema of its name is not ours ({@link Problem#NAME_COLLISION})
   */
  public void drop(Object tenant) {
    Object value = tenancy.tenantType().coerce(tenant);
    String schema = tenancy.schemaOf(value);
    onConnection((connection, raw) -> {
      SchemaState state = stateOf(raw, schema, value);
      if (state == SchemaState.FOREIGN) {
        throw collision(schema, value);
      }
      if (state == SchemaState.OURS) {
        execute(connection, "DROP SCHEMA IF EXISTS " + SqlQuoting.identifier(schema) + " CASCADE");
      }
      return null;
    });
  }

  /** The schema, its marker and (with {@code withTables}) its tables, in one transaction: a failure leaves nothing behind. */
  private void createSchema(Connection raw, String schema, Object tenant, boolean withTables) throws SQLException {
    String quoted = SqlQuoting.identifier(schema);
    inTransaction(raw, s -> {
      // on Citus the schema is distributed as it is made
      s.execute("SET LOCAL citus.enable_schema_based_sharding TO on");
      s.execute("CREATE SCHEMA " + quoted);
      s.execute("COMMENT ON SCHEMA " + quoted + " IS " + SqlQuoting.literal(MARK + tenant));
      s.execute("SET LOCAL search_path TO " + quoted + ", " + SqlQuoting.identifier(tenancy.sharedSchema()));
      for (String ddl : withTables ? schemas.tenantDdl() : List.<String>of()) {
        s.execute(ddl);
      }
    });
    LOG.info("Created tenant {} in schema {}", tenant, schema);
  }

  /** Work in one transaction of citus-hibernate's own (no routing guard): all of it, or nothing. */
  private interface InTransaction {
    void run(Statement statement) throws SQLException;
  }

  private static void inTransaction(Connection raw, InTransaction work) throws SQLException {
    boolean autoCommit = raw.getAutoCommit();
    raw.setAutoCommit(false);
    try (Statement s = raw.createStatement()) {
      s.execute("SET LOCAL citus.multi_task_query_log_level TO 'off'");
      work.run(s);
      raw.commit();
    } catch (SQLException | RuntimeException e) {
      raw.rollback();
      throw e;
    } finally {
      raw.setAutoCommit(autoCommit);
    }
  }

  private enum SchemaState {
    ABSENT, OURS, FOREIGN
  }

  /** Whether {@code schema} exists, and whether citus-hibernate created it for {@code tenant}. */
  private static SchemaState stateOf(Connection connection, String schema, Object tenant) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return SchemaState.ABSENT;
        }
        return (MARK + tenant).equals(rs.getString(1)) ? SchemaState.OURS : SchemaState.FOREIGN;
      }
    }
  }

  private static void requireOurs(Connection connection, String schema, Object tenant) throws SQLException {
    SchemaState state = stateOf(connection, schema, tenant);
    if (state == SchemaState.ABSENT) {
      throw new TenantSchemaException(Problem.UNKNOWN_TENANT, "Tenant " + tenant + " does not exist: there is no "
          + "schema " + schema + ". Create it first with CitusTenants.create(" + tenant + ").");
    }
    if (state == SchemaState.FOREIGN) {
      throw collision(schema, tenant);
    }
  }

  private static TenantSchemaException collision(String schema, Object tenant) {
    return new TenantSchemaException(Problem.NAME_COLLISION, "Schema " + schema + " exists but was not created by "
        + "citus-hibernate for tenant " + tenant + " (its comment is not '" + MARK + tenant + "'); it is left "
        + "alone. Rename or drop that schema, or choose another " + CitusSettings.SCHEMA_NAMING + ".");
  }

  /** The tenant a marked schema was created for, when it is a tenant of this factory's naming. */
  private Object tenantOf(String schema, String comment) {
    try {
      Object tenant = tenancy.tenantType().parse(comment.substring(MARK.length()));
      return tenancy.schemaOf(tenant).equals(schema) ? tenant : null;
    } catch (CitusHibernateException e) {
      return null; // another unit's tenant, of another type or naming
    }
  }

  private boolean citusInstalled(Connection connection, String step) throws SQLException {
    if (isCitus(connection)) {
      return true;
    }
    if (schemas.failWhenCitusMissing()) {
      throw new TenantSchemaException(Problem.CITUS_MISSING, "The database has no citus extension, so citus-hibernate "
          + "cannot " + step + ". Fix: CREATE EXTENSION citus on the coordinator, or set "
          + CitusSettings.SCHEMA_WHEN_CITUS_MISSING + "=skip to keep tenant schemas on plain PostgreSQL.");
    }
    LOG.debug("citus extension not installed: skipping the step to {} ({}=skip)", step,
        CitusSettings.SCHEMA_WHEN_CITUS_MISSING);
    return false;
  }

  private static boolean isCitus(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(CITUS_INSTALLED)) {
      return rs.next();
    }
  }

  /** Where Citus keeps a distributed schema: the node of its tables ({@code null} before it has any) and their size. */
  private record Placement(String node, long sizeBytes) {
  }

  /** The placement of {@code schema}, {@code null} when it is not a distributed schema. */
  private static Placement placementOf(Connection connection, String schema) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(PLACEMENT)) {
      ps.setString(1, SqlQuoting.identifier(schema));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Placement(rs.getString(2), rs.getLong(3)) : null;
      }
    }
  }

  /** Makes {@code schema} a distributed schema unless it is one (schema-based sharding distributes at creation). */
  private static void distribute(Connection connection, String schema) throws SQLException {
    if (placementOf(connection, schema) == null) {
      execute(connection, "SELECT " + CitusSql.schemaDistribute(SqlQuoting.identifier(schema)));
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** Work on a connection for citus-hibernate's own work (routing guard lifted), and on its driver connection. */
  private interface Work<T> {
    T run(Connection connection, Connection raw) throws SQLException;
  }

  private <T> T onConnection(Work<T> work) {
    try {
      Connection connection = schemas.connection();
      try {
        return work.run(connection, TenantSchemas.unwrapped(connection));
      } finally {
        schemas.release(connection);
      }
    } catch (SQLException e) {
      throw new CitusHibernateException("Tenant schema work failed: " + e.getMessage(), e);
    }
  }
}
