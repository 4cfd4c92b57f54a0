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
public class IsolateTenantToNewShardChange extends TenantChange {

    private Boolean cascade;

    @DatabaseChangeProperty(description = "Isolate the tenant in co-located tables too (CASCADE)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public Boolean getCascade() {
        return cascade;
    }

    public void setCascade(Boolean cascade) {
        this.cascade = cascade;
    }

    @Override
    String logicalReplicationDoes() {
        return "copies the shard";
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {
            new IsolateTenantToNewShardStatement(schemaName, tableName, tenant(), Boolean.TRUE.equals(cascade),
                    transferMode())
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
