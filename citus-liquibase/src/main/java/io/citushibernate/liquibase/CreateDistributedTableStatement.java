package io.citushibernate.liquibase;


final class CreateDistributedTableStatement extends TableStatement {
    final String distributionColumn;
    final String colocateWith;
    final Integer shardCount;

    CreateDistributedTableStatement(String schemaName, String tableName, String distributionColumn,
            String colocateWith, Integer shardCount) {
        super(schemaName, tableName);
        this.distributionColumn = distributionColumn;
        this.colocateWith = colocateWith;
        this.shardCount = shardCount;
    }
}
