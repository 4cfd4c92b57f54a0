package io.citushibernate.liquibase;

import liquibase.statement.AbstractSqlStatement;

final class MoveTenantToNodeStatement extends AbstractSqlStatement {
    final String schemaName;
    final String tableName;
    final TenantValue tenant;
    final String targetHost;
    final int targetPort;
    final Citus.TransferMode transferMode;

    MoveTenantToNodeStatement(String schemaName, String tableName, TenantValue tenant, String targetHost,
            int targetPort, Citus.TransferMode transferMode) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.tenant = tenant;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.transferMode = transferMode;
    }
}
