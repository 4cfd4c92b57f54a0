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
 * {@code <citus:createReferenceTable>}: replicates a table to every node with {@code create_reference_table}. Rolls
 * back with {@code undistribute_table}.
 */
@DatabaseChange(name = "createReferenceTable", description = "Replicates a table to every Citus node",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "table")
public class CreateReferenceTableChange extends CitusChange {

    private String schemaName;
    private String tableName;

    @DatabaseChangeProperty(description = "Schema of the table (default schema when omitted)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = schemaName;
    }

    @DatabaseChangeProperty(description = "Table to replicate", requiredForDatabase = "postgresql",
            supportsDatabase = "postgresql")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    @Override
    boolean needsCitus() {
        return true;
    }

    @Override
    void checkAttributes(ValidationErrors errors) {
        errors.checkRequiredField("tableName", tableName);
    }

    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        Checks.table(catalog, "createReferenceTable", schemaName, tableName, problems);
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {new CreateReferenceTableStatement(schemaName, tableName)};
    }

    @Override
    protected Change[] createInverses() {
        return new Change[] {inverse(UndistributeTableChange.forRollback(schemaName, tableName))};
    }

    @Override
    public String getConfirmationMessage() {
        return "Table " + tableName + " made a reference table";
    }
}
