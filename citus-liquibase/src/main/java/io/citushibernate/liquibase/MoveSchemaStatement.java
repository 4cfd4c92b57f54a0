package io.citushibernate.liquibase;

import io.citushibernate.citus.ShardTransferMode;

import liquibase.statement.AbstractSqlStatement;

/** citus_schema_move of a distributed schema to a worker, unless it is there already. */
final class MoveSchemaStatement extends AbstractSqlStatement {
    final String schemaName;
    final String targetHost;
    final int targetPort;
    final ShardTransferMode transferMode;

    MoveSchemaStatement(String schemaName, String targetHost, int targetPort, ShardTransferMode transferMode) {
        this.schemaName = schemaName;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.transferMode = transferMode;
    }
}
