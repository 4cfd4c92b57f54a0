package io.citushibernate.liquibase;

import io.citushibernate.citus.ShardTransferMode;

import liquibase.statement.AbstractSqlStatement;

final class RebalanceShardsStatement extends AbstractSqlStatement {
    final String rebalanceStrategy;
    final ShardTransferMode transferMode;
    final boolean waitForCompletion;

    RebalanceShardsStatement(String rebalanceStrategy, ShardTransferMode transferMode, boolean waitForCompletion) {
        this.rebalanceStrategy = rebalanceStrategy;
        this.transferMode = transferMode;
        this.waitForCompletion = waitForCompletion;
    }
}
