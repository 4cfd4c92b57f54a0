package io.citushibernate.liquibase;

import io.citushibernate.citus.ShardTransferMode;

/** A statement that moves the shard of one tenant of a table. */
abstract class TenantStatement extends TableStatement {
    final TenantValue tenant;
    final ShardTransferMode transferMode;

    TenantStatement(String schemaName, String tableName, TenantValue tenant, ShardTransferMode transferMode) {
        super(schemaName, tableName);
        this.tenant = tenant;
        this.transferMode = transferMode;
    }
}
