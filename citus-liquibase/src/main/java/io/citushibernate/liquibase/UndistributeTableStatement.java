package io.citushibernate.liquibase;


final class UndistributeTableStatement extends TableStatement {
    final boolean cascadeViaForeignKeys;
    /** Rollbacks only: do nothing when an earlier cascade already made the table local again. */
    final boolean onlyIfDistributed;

    UndistributeTableStatement(String schemaName, String tableName, boolean cascadeViaForeignKeys,
            boolean onlyIfDistributed) {
        super(schemaName, tableName);
        this.cascadeViaForeignKeys = cascadeViaForeignKeys;
        this.onlyIfDistributed = onlyIfDistributed;
    }
}
