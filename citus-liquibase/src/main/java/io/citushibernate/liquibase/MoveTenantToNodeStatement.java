package io.citushibernate.liquibase;

import io.citushibernate.citus.ShardTransferMode;


final class MoveTenantToNodeStatement extends TenantStatement {
    final String targetHost;
    final int targetPort;

    MoveTenantToNodeStatement(String schemaName, String tableName, TenantValue tenant, String targetHost,
            int targetPort, ShardTransferMode transferMode) {
        super(schemaName, tableName, tenant, transferMode);
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }
}
