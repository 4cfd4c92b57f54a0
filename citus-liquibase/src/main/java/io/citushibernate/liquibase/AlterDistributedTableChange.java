package io.citushibernate.liquibase;

import java.util.List;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;

/**
 * {@code <citus:alterDistributedTable>}: changes the distribution column, shard count or co-location of a distributed
 * table with {@code alter_distributed_table}. No automatic rollback: the previous settings are not known.
 */
@DatabaseChange(name = "alterDistributedTable",
        description = "Changes distribution column, shard count or co-location of a distributed table",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "table")
public class AlterDistributedTableChange extends TableChange {

    private String distributionColumn;
    private Integer shardCount;
    private String colocateWith;
    private Boolean cascadeToColocated;

    @DatabaseChangeProperty(description = "New distribution column", requiredForDatabase = "none",
            supportsDatabase = "postgresql")
    public String getDistributionColumn() {
        return distributionColumn;
    }

    public void setDistributionColumn(String distributionColumn) {
        this.distributionColumn = distributionColumn;
    }

    @DatabaseChangeProperty(description = "New shard count", requiredForDatabase = "none",
            supportsDatabase = "postgresql")
    public Integer getShardCount() {
        return shardCount;
    }

    public void setShardCount(Integer shardCount) {
        this.shardCount = shardCount;
    }

    @DatabaseChangeProperty(description = "Table to co-locate with, or none / default", requiredForDatabase = "none",
            supportsDatabase = "postgresql")
    public String getColocateWith() {
        return colocateWith;
    }

    public void setColocateWith(String colocateWith) {
        this.colocateWith = colocateWith;
    }

    @DatabaseChangeProperty(description = "Apply the shard count / co-location change to co-located tables too",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public Boolean getCascadeToColocated() {
        return cascadeToColocated;
    }

    public void setCascadeToColocated(Boolean cascadeToColocated) {
        this.cascadeToColocated = cascadeToColocated;
    }

    @Override
    boolean needsCitus() {
        return true;
    }

    @Override
    void checkValues(ValidationErrors errors) {
        if (Citus.blank(distributionColumn) && shardCount == null && Citus.blank(colocateWith)) {
            errors.addError("alterDistributedTable on " + tableName
                    + " changes nothing: set distributionColumn, shardCount or colocateWith");
        }
        if (shardCount != null && shardCount < 1) {
            errors.addError("shardCount must be positive, was " + shardCount);
        }
    }

    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        if (!Citus.blank(distributionColumn)) {
            Checks.distributionColumn(catalog, "alterDistributedTable", schemaName, tableName, distributionColumn,
                    problems);
        } else {
            Checks.table(catalog, "alterDistributedTable", schemaName, tableName, problems);
        }
        Checks.colocationTarget(catalog, schemaName, colocateWith, problems);
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {
            new AlterDistributedTableStatement(schemaName, tableName, distributionColumn, shardCount, colocateWith,
                    cascadeToColocated)
        };
    }

    @Override
    String noRollbackReason() {
        return "the table's previous distribution column, shard count and co-location are not known to the change";
    }

    @Override
    public String getConfirmationMessage() {
        return "Distributed table " + tableName + " altered";
    }
}
