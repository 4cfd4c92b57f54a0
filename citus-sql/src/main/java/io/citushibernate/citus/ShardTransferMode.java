package io.citushibernate.citus;

import java.util.Locale;

/** How Citus copies a shard to another node ({@code shard_transfer_mode}). */
public enum ShardTransferMode {
  AUTO("auto"), FORCE_LOGICAL("force_logical"), BLOCK_WRITES("block_writes");

  private final String sql;

  ShardTransferMode(String sql) {
    this.sql = sql;
  }

  /** The name Citus takes. */
  public String sql() {
    return sql;
  }

  /** Citus runs logical-replication transfers outside of a transaction block only. */
  public boolean needsNoTransaction() {
    return this != BLOCK_WRITES;
  }

  /**
   * The mode Citus names {@code value} (any case); {@link #AUTO}, Citus' default, when it is
   * {@code null} or blank; {@code null} when it names none.
   */
  public static ShardTransferMode parse(String value) {
    if (value == null || value.isBlank()) {
      return AUTO;
    }
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (ShardTransferMode mode : values()) {
      if (mode.sql.equals(wanted)) {
        return mode;
      }
    }
    return null;
  }
}
