package io.citushibernate.liquibase;

import liquibase.statement.AbstractSqlStatement;

final class CreateDistributedTableStatement extends AbstractSqlStatement {
    final String schemaName;
    final String tableName;
    final String distributionColumn;
    final String colocateWith;
    final Integer shardCount;

    CreateDistributedTableStatement(String schemaName, String tableName, String distributionColumn,
            String colocateWith, Integer shardCount) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.distributionColumn = distributionColumn;
        this.colocateWith = colocateWith;
        this.shardCount = shardCount;
    }
}
