package io.citushibernate.liquibase;

import java.util.List;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;

/**
 * {@code <citus:isolateTenantToNewShard>}: moves one tenant into a shard of its own with
 * {@code isolate_tenant_to_new_shard}. Transfer modes auto and force_logical need {@code runInTransaction="false"}.
 * No automatic rollback: Citus does not merge shards.
 */
@DatabaseChange(name = "isolateTenantToNewShard", description = "Moves a tenant into a shard of its own",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "table")
public class IsolateTenantToNewShardChange extends CitusChange {

    private String schemaName;
    private String tableName;
    private String tenantValue;
    private String tenantValueType;
    private Boolean cascade;
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

    @DatabaseChangeProperty(description = "Isolate the tenant in co-located tables too (CASCADE)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public Boolean getCascade() {
        return cascade;
    }

    public void setCascade(Boolean cascade) {
        this.cascade = cascade;
    }

    @DatabaseChangeProperty(description = "auto (default), force_logical or block_writes",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getShardTransferMode() {
        return shardTransferMode;
    }

    public void setShardTransferMode(String shardTransferMode) {
        this.shardTransferMode = shardTransferMode;
    }

    @Override
    boolean needsCitus() {
        return true;
    }

    @Override
    void checkAttributes(ValidationErrors errors) {
        errors.checkRequiredField("tableName", tableName);
        errors.checkRequiredField("tenantValue", tenantValue);
        if (tenantValue != null) {
            try {
                TenantValue.parse(tenantValue, tenantValueType);
            } catch (IllegalArgumentException e) {
                errors.addError(e.getMessage());
            }
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
                ? "with shardTransferMode " + mode.sql + " copies the shard by logical replication" : null;
    }

    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        Checks.table(catalog, "isolateTenantToNewShard", schemaName, tableName, problems);
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {
            new IsolateTenantToNewShardStatement(schemaName, tableName, TenantValue.parse(tenantValue, tenantValueType),
                    Boolean.TRUE.equals(cascade), Citus.TransferMode.parse(shardTransferMode))
        };
    }

    @Override
    String noRollbackReason() {
        return "Citus has no function to merge an isolated tenant's shard back";
    }

    @Override
    public String getConfirmationMessage() {
        return "Tenant " + tenantValue + " of " + tableName + " isolated to its own shard";
    }
}
