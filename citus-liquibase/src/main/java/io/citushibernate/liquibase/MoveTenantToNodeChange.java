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
public class MoveTenantToNodeChange extends CitusChange {

    private String schemaName;
    private String tableName;
    private String tenantValue;
    private String tenantValueType;
    private String targetHost;
    private Integer targetPort;
    private String shardTransferMode;

    @DatabaseChangeProperty(description = "Schema of the table (default schema when omitted)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = schemaName;
    }

    @DatabaseChangeProperty(description = "Distributed table", requiredForDatabase = "postgresql",
            supportsDatabase = "postgresql")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    @DatabaseChangeProperty(description = "Value of the distribution column of the tenant",
            requiredForDatabase = "postgresql", supportsDatabase = "postgresql")
    public String getTenantValue() {
        return tenantValue;
    }

    public void setTenantValue(String tenantValue) {
        this.tenantValue = tenantValue;
    }

    @DatabaseChangeProperty(description = "number, text or uuid (inferred from the value when omitted)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getTenantValueType() {
        return tenantValueType;
    }

    public void setTenantValueType(String tenantValueType) {
        this.tenantValueType = tenantValueType;
    }

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

    @DatabaseChangeProperty(description = "auto (default), force_logical or block_writes",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getShardTransferMode() {
        return shardTransferMode;
    }

    public void setShardTransferMode(String shardTransferMode) {
        this.shardTransferMode = shardTransferMode;
    }

    private int port() {
        return targetPort == null ? 5432 : targetPort;
    }

    @Override
    boolean needsCitus() {
        return true;
    }

    @Override
    void checkAttributes(ValidationErrors errors) {
        errors.checkRequiredField("tableName", tableName);
        errors.checkRequiredField("tenantValue", tenantValue);
        errors.checkRequiredField("targetHost", targetHost);
        if (tenantValue != null) {
            try {
                TenantValue.parse(tenantValue, tenantValueType);
            } catch (IllegalArgumentException e) {
                errors.addError(e.getMessage());
            }
        }
        if (port() < 1 || port() > 65535) {
            errors.addError("targetPort " + targetPort + " is not a TCP port (1-65535)");
        }
        if (Citus.TransferMode.parse(shardTransferMode) == null) {
            errors.addError("shardTransferMode '" + shardTransferMode
                    + "' is not one of auto, force_logical, block_writes");
        }
    }

    @Override
    String needsNoTransaction() {
        Citus.TransferMode mode = Citus.TransferMode.parse(shardTransferMode);
        return mode != null && mode.needsNoTransaction()
                ? "with shardTransferMode " + mode.sql + " moves the shard by logical replication" : null;
    }

    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        Checks.table(catalog, "moveTenantToNode", schemaName, tableName, problems);
        if (catalog.citusInstalled() && catalog.string("select 1 from pg_dist_node where nodename = ? and nodeport = "
                + port(), targetHost) == null) {
            problems.add("moveTenantToNode: node " + targetHost + ":" + port()
                    + " is not in pg_dist_node; add it with citus_add_node or fix targetHost/targetPort");
        }
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {
            new MoveTenantToNodeStatement(schemaName, tableName, TenantValue.parse(tenantValue, tenantValueType),
                    targetHost, port(), Citus.TransferMode.parse(shardTransferMode))
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
