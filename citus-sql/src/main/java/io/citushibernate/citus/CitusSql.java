package io.citushibernate.citus;

import java.util.ArrayList;
import java.util.List;

/**
 * The Citus calls and key rewrites as SQL text.
 *
 * <p>A {@code table} argument is the table's SQL name, as the caller's tool renders it and a
 * {@code regclass} parses it ({@code orders}, {@code shop."Orders"}); it goes into the call as a
 * string literal. A column argument of a Citus function is the column's catalog name, also passed
 * as a literal. In the key rewrites, table, constraint and column names are SQL names as they
 * stand in DDL. Tenant values come in as SQL literals the caller validated.
 *
 * <p>The methods named after a Citus function return that call as an expression, without
 * {@code SELECT}: callers write the statement around it (its keyword case, a guard that skips
 * tables already distributed).
 */
public final class CitusSql {
  /** Waits for the rebalance {@link #rebalanceStart} started. */
  public static final String REBALANCE_WAIT = "citus_rebalance_wait()";

  private CitusSql() {
  }

  /** {@code create_reference_table(table)}. */
  public static String createReferenceTable(String table) {
    return "create_reference_table(" + SqlQuoting.literal(table) + ")";
  }

  /**
   * {@code create_distributed_table(table, column[, colocate_with][, shard_count])}.
   *
   * @param colocateWith a table's SQL name, the keyword {@code none} or {@code default}, or
   *     {@code null} to leave it out
   * @param shardCount {@code null} to leave it out
   */
  public static String createDistributedTable(String table, String column, String colocateWith,
      Integer shardCount) {
    Arguments call = new Arguments("create_distributed_table").add(SqlQuoting.literal(table))
        .add(SqlQuoting.literal(column));
    call.named("colocate_with", colocateWith == null ? null : SqlQuoting.literal(colocateWith));
    call.named("shard_count", shardCount);
    return call.toString();
  }

  /**
   * {@code alter_distributed_table(table, ...)} with the arguments that are not {@code null}.
   *
   * @param colocateWith as in {@link #createDistributedTable}
   */
  public static String alterDistributedTable(String table, String distributionColumn, Integer shardCount,
      String colocateWith, Boolean cascadeToColocated) {
    Arguments call = new Arguments("alter_distributed_table").add(SqlQuoting.literal(table));
    call.named("distribution_column", distributionColumn == null ? null : SqlQuoting.literal(distributionColumn));
    call.named("shard_count", shardCount);
    call.named("colocate_with", colocateWith == null ? null : SqlQuoting.literal(colocateWith));
    call.named("cascade_to_colocated", cascadeToColocated);
    return call.toString();
  }

  /** {@code undistribute_table(table[, cascade_via_foreign_keys => true])}. */
  public static String undistributeTable(String table, boolean cascadeViaForeignKeys) {
    return new Arguments("undistribute_table").add(SqlQuoting.literal(table))
        .named("cascade_via_foreign_keys", cascadeViaForeignKeys ? Boolean.TRUE : null).toString();
  }

  /**
   * {@code isolate_tenant_to_new_shard(table, tenant[, cascade_option => 'CASCADE'][, shard_transfer_mode])}.
   *
   * @param cascade isolate the tenant in the co-located tables too
   * @param mode {@code null} to leave it out
   */
  public static String isolateTenantToNewShard(String table, String tenantLiteral, boolean cascade,
      ShardTransferMode mode) {
    return new Arguments("isolate_tenant_to_new_shard").add(SqlQuoting.literal(table)).add(tenantLiteral)
        .named("cascade_option", cascade ? SqlQuoting.literal("CASCADE") : null)
        .named("shard_transfer_mode", transferMode(mode)).toString();
  }

  /**
   * A statement that moves the shard holding a tenant (with its co-located shards) to a node: it
   * finds the shard with {@code get_shard_id_for_distribution_column} and its node in
   * {@code pg_dist_placement}/{@code pg_dist_node}, then calls {@code citus_move_shard_placement}.
   * A shard already on the target node matches no row, so a repeated run moves nothing.
   */
  public static String moveTenantToNode(String table, String tenantLiteral, String host, int port,
      ShardTransferMode mode) {
    String targetHost = SqlQuoting.literal(host);
    String move = new Arguments("citus_move_shard_placement").add("p.shardid").add("n.nodename").add("n.nodeport")
        .add(targetHost).add(port).named("shard_transfer_mode", transferMode(mode)).toString();
    return "SELECT " + move
        + " FROM pg_dist_placement p JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary'"
        + " WHERE p.shardid = get_shard_id_for_distribution_column(" + SqlQuoting.literal(table) + ", "
        + tenantLiteral + ")"
        + " AND NOT (n.nodename = " + targetHost + " AND n.nodeport = " + port + ")";
  }

  /**
   * {@code citus_rebalance_start(...)} with the arguments that are not {@code null}; see
   * {@link #REBALANCE_WAIT}.
   */
  public static String rebalanceStart(String strategy, ShardTransferMode mode) {
    Arguments call = new Arguments("citus_rebalance_start");
    call.named("rebalance_strategy", strategy == null ? null : SqlQuoting.literal(strategy));
    call.named("shard_transfer_mode", transferMode(mode));
    return call.toString();
  }

  /** {@code citus_schema_distribute(schema)}, {@code schema} its SQL name. */
  public static String schemaDistribute(String schema) {
    return "citus_schema_distribute(" + SqlQuoting.literal(schema) + ")";
  }

  /** {@code citus_schema_undistribute(schema)}, {@code schema} its SQL name. */
  public static String schemaUndistribute(String schema) {
    return "citus_schema_undistribute(" + SqlQuoting.literal(schema) + ")";
  }

  /**
   * {@code citus_schema_move(schema, host, port, shard_transfer_mode => mode)}: moves a distributed
   * schema (every table of it) to a node; {@code schema} its SQL name.
   */
  public static String schemaMove(String schema, String host, int port, ShardTransferMode mode) {
    return new Arguments("citus_schema_move").add(SqlQuoting.literal(schema)).add(SqlQuoting.literal(host)).add(port)
        .named("shard_transfer_mode", transferMode(mode)).toString();
  }

  /**
   * A statement that moves a distributed schema to a node with {@link #schemaMove} only when one of
   * its tables has a shard placement elsewhere: a schema already on the target node matches no row,
   * so a repeated run moves nothing instead of failing. {@code schema} is its SQL name.
   */
  public static String moveSchemaToNode(String schema, String host, int port, ShardTransferMode mode) {
    String targetHost = SqlQuoting.literal(host);
    return "SELECT " + schemaMove(schema, host, port, mode)
        + " WHERE EXISTS (SELECT 1 FROM pg_dist_partition d JOIN pg_class c ON c.oid = d.logicalrelid"
        + " JOIN pg_dist_shard s ON s.logicalrelid = d.logicalrelid JOIN pg_dist_placement p ON p.shardid = s.shardid"
        + " JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary'"
        + " WHERE c.relnamespace = " + SqlQuoting.literal(schema) + "::regnamespace"
        + " AND NOT (n.nodename = " + targetHost + " AND n.nodeport = " + port + "))";
  }

  /** The keys Citus needs the distribution column in. */
  public enum Key {
    PRIMARY_KEY("PRIMARY KEY"), UNIQUE("UNIQUE");

    private final String sql;

    Key(String sql) {
      this.sql = sql;
    }

    /** The key's SQL words, as in {@code PRIMARY KEY}. */
    @Override
    public String toString() {
      return sql;
    }
  }

  /** {@code ALTER TABLE table DROP CONSTRAINT constraint}. */
  public static String dropConstraint(String table, String constraint) {
    return "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint;
  }

  /** {@code ALTER TABLE table ADD CONSTRAINT constraint PRIMARY KEY|UNIQUE (columns)}. */
  public static String addKey(String table, String constraint, Key key, List<String> columns) {
    return "ALTER TABLE " + table + " ADD " + keyDefinition(constraint, key, columns);
  }

  /**
   * One statement that replaces a key by one on {@code columns} under the same name; the foreign
   * keys that depend on it are dropped with it ({@code CASCADE}).
   */
  public static String replaceKey(String table, String constraint, Key key, List<String> columns) {
    return dropConstraint(table, constraint) + " CASCADE, ADD " + keyDefinition(constraint, key, columns);
  }

  /** {@code ALTER TABLE table ADD CONSTRAINT constraint FOREIGN KEY (columns) REFERENCES target (targetColumns)}. */
  public static String addForeignKey(String table, String constraint, List<String> columns, String target,
      List<String> targetColumns) {
    return "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " FOREIGN KEY (" + String.join(", ", columns)
        + ") REFERENCES " + target + " (" + String.join(", ", targetColumns) + ")";
  }

  private static String keyDefinition(String constraint, Key key, List<String> columns) {
    return "CONSTRAINT " + constraint + " " + key.sql + " (" + String.join(", ", columns) + ")";
  }

  private static String transferMode(ShardTransferMode mode) {
    return mode == null ? null : SqlQuoting.literal(mode.sql());
  }

  /** A function call's argument list: positional arguments, then the named ones that are set. */
  private static final class Arguments {
    private final String function;
    private final List<String> arguments = new ArrayList<>();

    Arguments(String function) {
      this.function = function;
    }

    Arguments add(Object sql) {
      arguments.add(String.valueOf(sql));
      return this;
    }

    /** {@code name => sql}, left out when {@code sql} is {@code null}. */
    Arguments named(String name, Object sql) {
      if (sql != null) {
        arguments.add(name + " => " + sql);
      }
      return this;
    }

    @Override
    public String toString() {
      return function + "(" + String.join(", ", arguments) + ")";
    }
  }
}
