package io.citushibernate.liquibase;

import liquibase.exception.PreconditionFailedException;
import liquibase.exception.ValidationErrors;

/**
 * {@code <citus:tenantIsIsolated tableName="orders" tenantValue="42"/>}: the tenant has a shard of its own (a shard
 * whose hash range is the tenant's single hash value), as {@code isolateTenantToNewShard} leaves it.
 */
public class TenantIsIsolatedPrecondition extends TablePrecondition {

    private String tenantValue;
    private String tenantValueType;

    public String getTenantValue() {
        return tenantValue;
    }

    public void setTenantValue(String tenantValue) {
        this.tenantValue = tenantValue;
    }

    public String getTenantValueType() {
        return tenantValueType;
    }

    public void setTenantValueType(String tenantValueType) {
        this.tenantValueType = tenantValueType;
    }

    @Override
    public String getName() {
        return "tenantIsIsolated";
    }

    @Override
    void checkAttributes(ValidationErrors errors) {
        super.checkAttributes(errors);
        errors.checkRequiredField("tenantValue", tenantValue);
        TenantValue.check(tenantValue, tenantValueType, errors);
    }

    @Override
    void check(Catalog catalog, Failure failure) throws PreconditionFailedException {
        String name = Checks.name(catalog, schemaName, tableName);
        // Checked first so that get_shard_id_for_distribution_column never errors inside the transaction.
        if (!catalog.tableExists(schemaName, tableName)
                || !"h".equals(catalog.partitionMethod(schemaName, tableName).orElse(null))) {
            throw failure.because("table " + name + " is not a distributed table");
        }
        if (!catalog.tenantIsolated(schemaName, tableName, TenantValue.parse(tenantValue, tenantValueType))) {
            throw failure.because("tenant " + tenantValue + " of " + name + " shares its shard with other tenants");
        }
    }
}
