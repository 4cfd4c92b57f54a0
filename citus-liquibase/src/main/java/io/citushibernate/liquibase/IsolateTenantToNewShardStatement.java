package io.citushibernate.liquibase;

import io.citushibernate.citus.ShardTransferMode;


final class IsolateTenantToNewShardStatement extends TenantStatement {
    final boolean cascade;

    IsolateTenantToNewShardStatement(String schemaName, String tableName, TenantValue tenant, boolean cascade,
            ShardTransferMode transferMode) {
        super(schemaName, tableName, tenant, transferMode);
        this.cascade = cascade;
    }
}
