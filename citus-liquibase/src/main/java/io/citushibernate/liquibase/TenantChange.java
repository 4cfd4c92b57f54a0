package io.citushibernate.liquibase;

import io.citushibernate.citus.ShardTransferMode;

import liquibase.change.DatabaseChangeProperty;
import liquibase.exception.ValidationErrors;

/**
 * What the change types that move one tenant's shard share: the tenant value and its type, the shard transfer mode,
 * their checks, and the transaction-block rule of logical-replication transfers. Public because Liquibase reads the
 * attributes' getters by reflection.
 */
public abstract class TenantChange extends TableChange {

    String tenantValue;
    String tenantValueType;
    String shardTransferMode;

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

    @DatabaseChangeProperty(description = "auto (default), force_logical or block_writes",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getShardTransferMode() {
        return shardTransferMode;
    }

    public void setShardTransferMode(String shardTransferMode) {
        this.shardTransferMode = shardTransferMode;
    }

    /** What the change does to the shard by logical replication ("copies the shard", "moves the shard"). */
    abstract String logicalReplicationDoes();

    @Override
    boolean needsCitus() {
        return true;
    }

    @Override
    void checkRequired(ValidationErrors errors) {
        errors.checkRequiredField("tenantValue", tenantValue);
    }

    @Override
    void checkValues(ValidationErrors errors) {
        TenantValue.check(tenantValue, tenantValueType, errors);
        Citus.checkTransferMode(shardTransferMode, errors);
    }

    @Override
    String needsNoTransaction() {
        ShardTransferMode mode = transferMode();
        return mode != null && mode.needsNoTransaction()
                ? "with shardTransferMode " + mode.sql() + " " + logicalReplicationDoes() + " by logical replication"
                : null;
    }

    TenantValue tenant() {
        return TenantValue.parse(tenantValue, tenantValueType);
    }

    ShardTransferMode transferMode() {
        return ShardTransferMode.parse(shardTransferMode);
    }
}
