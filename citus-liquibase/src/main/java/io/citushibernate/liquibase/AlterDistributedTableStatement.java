package io.citushibernate.liquibase;

import liquibase.statement.AbstractSqlStatement;

final class AlterDistributedTableStatement extends AbstractSqlStatement {
    final String schemaName;
    final String tableName;
    final String distributionColumn;
    final Integer shardCount;
    final String colocateWith;
    final Boolean cascadeToColocated;

    AlterDistributedTableStatement(String schemaName, String tableName, String distributionColumn,
            Integer shardCount, String colocateWith, Boolean cascadeToColocated) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.distributionColumn = distributionColumn;
        this.shardCount = shardCount;
        this.colocateWith = colocateWith;
        this.cascadeToColocated = cascadeToColocated;
    }
}
