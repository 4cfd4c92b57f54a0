package io.citushibernate.liquibase;


final class AlterDistributedTableStatement extends TableStatement {
    final String distributionColumn;
    final Integer shardCount;
    final String colocateWith;
    final Boolean cascadeToColocated;

    AlterDistributedTableStatement(String schemaName, String tableName, String distributionColumn,
            Integer shardCount, String colocateWith, Boolean cascadeToColocated) {
        super(schemaName, tableName);
        this.distributionColumn = distributionColumn;
        this.shardCount = shardCount;
        this.colocateWith = colocateWith;
        this.cascadeToColocated = cascadeToColocated;
    }
}
