package io.citushibernate.liquibase;

import java.util.List;

import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;

/**
 * {@code <citus:createDistributedTable>}: shards a table by a distribution (tenant) column with
 * {@code create_distributed_table}. Rolls back with {@code undistribute_table}.
 */
@DatabaseChange(name = "createDistributedTable", description = "Distributes a table across the Citus cluster",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "table")
public class CreateDistributedTableChange extends TableChange {

    private String distributionColumn;
    private String colocateWith;
    private Integer shardCount;

    @DatabaseChangeProperty(description = "Distribution (tenant) column", requiredForDatabase = "postgresql",
            supportsDatabase = "postgresql")
    public String getDistributionColumn() {
        return distributionColumn;
    }

    public void setDistributionColumn(String distributionColumn) {
        this.distributionColumn = distributionColumn;
    }

    @DatabaseChangeProperty(description = "Table to co-locate with, or none / default",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getColocateWith() {
        return colocateWith;
    }

    public void setColocateWith(String colocateWith) {
        this.colocateWith = colocateWith;
    }

    @DatabaseChangeProperty(description = "Number of shards (not with colocateWith a table)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public Integer getShardCount() {
        return shardCount;
    }

    public void setShardCount(Integer shardCount) {
        this.shardCount = shardCount;
    }

    @Override
    boolean needsCitus() {
        return true;
    }

    @Override
    void checkRequired(ValidationErrors errors) {
        errors.checkRequiredField("distributionColumn", distributionColumn);
    }

    @Override
    void checkValues(ValidationErrors errors) {
        if (shardCount != null && shardCount < 1) {
            errors.addError("shardCount must be positive, was " + shardCount);
        }
        if (shardCount != null && !Citus.blank(colocateWith) && !colocateWith.trim().equalsIgnoreCase("none")
                && !colocateWith.trim().equalsIgnoreCase("default")) {
            errors.addError("createDistributedTable on " + tableName + ": set either shardCount or colocateWith \""
                    + colocateWith + "\"; a co-located table takes the shard count of " + colocateWith);
        }
    }

    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        Checks.distributionColumn(catalog, "createDistributedTable", schemaName, tableName, distributionColumn,
                problems);
        Checks.colocationTarget(catalog, schemaName, colocateWith, problems);
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {
            new CreateDistributedTableStatement(schemaName, tableName, distributionColumn, colocateWith, shardCount)
        };
    }

    @Override
    protected Change[] createInverses() {
        return new Change[] {inverse(UndistributeTableChange.forRollback(schemaName, tableName))};
    }

    @Override
    public String getConfirmationMessage() {
        return "Table " + tableName + " distributed by " + distributionColumn;
    }
}
