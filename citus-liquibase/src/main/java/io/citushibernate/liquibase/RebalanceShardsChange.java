package io.citushibernate.liquibase;

import io.citushibernate.citus.ShardTransferMode;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;

/**
 * {@code <citus:rebalanceShards>}: starts a background shard rebalance with {@code citus_rebalance_start}, optionally
 * waiting for it with {@code citus_rebalance_wait} (which needs {@code runInTransaction="false"}: the background job
 * only sees the rebalance once its transaction commits). No automatic rollback.
 */
@DatabaseChange(name = "rebalanceShards", description = "Rebalances shards across the worker nodes",
        priority = ChangeMetaData.PRIORITY_DEFAULT)
public class RebalanceShardsChange extends CitusChange {

    private String rebalanceStrategy;
    private String shardTransferMode;
    private Boolean waitForCompletion;

    @DatabaseChangeProperty(description = "Rebalance strategy name (Citus default when omitted)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getRebalanceStrategy() {
        return rebalanceStrategy;
    }

    public void setRebalanceStrategy(String rebalanceStrategy) {
        this.rebalanceStrategy = rebalanceStrategy;
    }

    @DatabaseChangeProperty(description = "auto (Citus default), force_logical or block_writes",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getShardTransferMode() {
        return shardTransferMode;
    }

    public void setShardTransferMode(String shardTransferMode) {
        this.shardTransferMode = shardTransferMode;
    }

    @DatabaseChangeProperty(description = "Wait for the rebalance with citus_rebalance_wait()",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public Boolean getWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(Boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    @Override
    boolean needsCitus() {
        return true;
    }

    @Override
    void checkAttributes(ValidationErrors errors) {
        Citus.checkTransferMode(shardTransferMode, errors);
    }

    @Override
    String needsNoTransaction() {
        return Boolean.TRUE.equals(waitForCompletion)
                ? "with waitForCompletion=true waits for a background job that starts only after commit" : null;
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {
            new RebalanceShardsStatement(rebalanceStrategy,
                    Citus.blank(shardTransferMode) ? null : ShardTransferMode.parse(shardTransferMode),
                    Boolean.TRUE.equals(waitForCompletion))
        };
    }

    @Override
    String noRollbackReason() {
        return "a rebalance has no inverse; shards stay where the rebalancer put them";
    }

    @Override
    public String getConfirmationMessage() {
        return Boolean.TRUE.equals(waitForCompletion) ? "Shards rebalanced" : "Shard rebalance started";
    }
}
