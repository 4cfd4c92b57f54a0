package io.citushibernate.liquibase;

import liquibase.statement.AbstractSqlStatement;

final class IsolateTenantToNewShardStatement extends AbstractSqlStatement {
    final String schemaName;
    final String tableName;
    final TenantValue tenant;
    final boolean cascade;
    final Citus.TransferMode transferMode;

    IsolateTenantToNewShardStatement(String schemaName, String tableName, TenantValue tenant, boolean cascade,
            Citus.TransferMode transferMode) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.tenant = tenant;
        this.cascade = cascade;
        this.transferMode = transferMode;
    }
}
