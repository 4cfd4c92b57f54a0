package io.citushibernate.liquibase;

import liquibase.statement.AbstractSqlStatement;

final class UndistributeTableStatement extends AbstractSqlStatement {
    final String schemaName;
    final String tableName;
    final boolean cascadeViaForeignKeys;
    /** Rollbacks only: do nothing when an earlier cascade already made the table local again. */
    final boolean onlyIfDistributed;

    UndistributeTableStatement(String schemaName, String tableName, boolean cascadeViaForeignKeys,
            boolean onlyIfDistributed) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.cascadeViaForeignKeys = cascadeViaForeignKeys;
        this.onlyIfDistributed = onlyIfDistributed;
    }
}
