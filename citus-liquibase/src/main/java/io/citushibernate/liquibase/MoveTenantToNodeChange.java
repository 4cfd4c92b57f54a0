package io.citushibernate.liquibase;

import java.util.List;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;

/**
 * {@code <citus:moveTenantToNode>}: moves the shard holding a tenant (and its co-located shards) to another worker with
 * {@code citus_move_shard_placement}. Transfer modes auto and force_logical need {@code runInTransaction="false"}.
 * No automatic rollback: the source node is only known at run time.
 */
@DatabaseChange(name = "moveTenantToNode", description = "Moves the shard of a tenant to another worker node",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "table")
public class MoveTenantToNodeChange extends TenantChange {

    private String targetHost;
    private Integer targetPort;

    @DatabaseChangeProperty(description = "Host name of the target worker as in pg_dist_node",
            requiredForDatabase = "postgresql", supportsDatabase = "postgresql")
    public String getTargetHost() {
        return targetHost;
    }

    public void setTargetHost(String targetHost) {
        this.targetHost = targetHost;
    }

    @DatabaseChangeProperty(description = "Port of the target worker (default 5432)", requiredForDatabase = "none",
            supportsDatabase = "postgresql")
    public Integer getTargetPort() {
        return targetPort;
    }

    public void setTargetPort(Integer targetPort) {
        this.targetPort = targetPort;
    }

    private int port() {
        return Citus.targetPort(targetPort);
    }

    @Override
    String logicalReplicationDoes() {
        return "moves the shard";
    }

    @Override
    void checkRequired(ValidationErrors errors) {
        super.checkRequired(errors);
        errors.checkRequiredField("targetHost", targetHost);
    }

    @Override
    void checkValues(ValidationErrors errors) {
        super.checkValues(errors);
        Citus.checkTargetPort(port(), errors);
    }

    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        super.checkCatalog(catalog, problems);
        catalog.checkTargetNode("moveTenantToNode", targetHost, port(), problems);
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {
            new MoveTenantToNodeStatement(schemaName, tableName, tenant(), targetHost, port(), transferMode())
        };
    }

    @Override
    String noRollbackReason() {
        return "the node the tenant came from is only known at run time; move it back with another moveTenantToNode";
    }

    @Override
    public String getConfirmationMessage() {
        return "Tenant " + tenantValue + " of " + tableName + " moved to " + targetHost + ":" + port();
    }
}
