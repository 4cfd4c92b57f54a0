package io.citushibernate.liquibase;

import java.util.List;

import liquibase.change.DatabaseChangeProperty;
import liquibase.exception.ValidationErrors;

/**
 * What the change types on one table share: the {@code schemaName} and {@code tableName} attributes, the check that
 * the table is named and, by default, that it exists. Public because Liquibase reads the attributes' getters by
 * reflection.
 */
public abstract class TableChange extends CitusChange {

    String schemaName;
    String tableName;

    @DatabaseChangeProperty(description = "Schema of the table (default schema when omitted)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = schemaName;
    }

    @DatabaseChangeProperty(description = "The table the change works on", requiredForDatabase = "postgresql",
            supportsDatabase = "postgresql")
    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    /** The table is required, then {@link #checkRequired} and {@link #checkValues}, in that order. */
    @Override
    final void checkAttributes(ValidationErrors errors) {
        errors.checkRequiredField("tableName", tableName);
        checkRequired(errors);
        checkValues(errors);
    }

    /** The change's own required attributes. */
    void checkRequired(ValidationErrors errors) {
    }

    /** Checks of the values given, after every required attribute was checked. */
    void checkValues(ValidationErrors errors) {
    }

    /** The table exists. */
    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        Checks.table(catalog, changeName(), schemaName, tableName, problems);
    }
}
