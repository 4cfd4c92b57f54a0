package io.citushibernate.liquibase;

import liquibase.statement.AbstractSqlStatement;

final class RebalanceShardsStatement extends AbstractSqlStatement {
    final String rebalanceStrategy;
    final Citus.TransferMode transferMode;
    final boolean waitForCompletion;

    RebalanceShardsStatement(String rebalanceStrategy, Citus.TransferMode transferMode, boolean waitForCompletion) {
        this.rebalanceStrategy = rebalanceStrategy;
        this.transferMode = transferMode;
        this.waitForCompletion = waitForCompletion;
    }
}
