package io.citushibernate.liquibase;

import java.util.Optional;

import liquibase.exception.PreconditionFailedException;
import liquibase.exception.ValidationErrors;

/**
 * {@code <citus:tableIsDistributed tableName="orders" distributionColumn="store_id" colocatedWith="stores"/>}: the
 * table is hash-distributed, optionally by the given column and co-located with the given table.
 */
public class TableIsDistributedPrecondition extends TablePrecondition {

    private String distributionColumn;
    private String colocatedWith;

    public String getDistributionColumn() {
        return distributionColumn;
    }

    public void setDistributionColumn(String distributionColumn) {
        this.distributionColumn = distributionColumn;
    }

    public String getColocatedWith() {
        return colocatedWith;
    }

    public void setColocatedWith(String colocatedWith) {
        this.colocatedWith = colocatedWith;
    }

    @Override
    public String getName() {
        return "tableIsDistributed";
    }

    @Override
    void check(Catalog catalog, Failure failure) throws PreconditionFailedException {
        String name = Checks.name(catalog, schemaName, tableName);
        if (!catalog.tableExists(schemaName, tableName)) {
            throw failure.because("table " + name + " does not exist");
        }
        if (!"h".equals(catalog.partitionMethod(schemaName, tableName).orElse(null))) {
            throw failure.because("table " + name + " is not a distributed table");
        }
        String column = catalog.distributionColumn(schemaName, tableName).orElse("");
        if (!Citus.blank(distributionColumn) && !column.equals(catalog.columnName(distributionColumn))) {
            throw failure.because("table " + name + " is distributed by " + column + ", not " + distributionColumn);
        }
        if (!Citus.blank(colocatedWith)) {
            String[] other = Citus.qualified(colocatedWith, schemaName);
            Optional<String> otherGroup = catalog.tableExists(other[0], other[1])
                    ? catalog.colocationId(other[0], other[1]) : Optional.empty();
            if (otherGroup.isEmpty() || !otherGroup.equals(catalog.colocationId(schemaName, tableName))) {
                throw failure.because("table " + name + " is not co-located with " + colocatedWith);
            }
        }
    }
}
