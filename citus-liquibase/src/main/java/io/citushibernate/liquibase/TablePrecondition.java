package io.citushibernate.liquibase;

import liquibase.exception.ValidationErrors;

/**
 * What the preconditions on one table share: the {@code schemaName} and {@code tableName} attributes, and that the
 * table is named. Public because Liquibase sets the attributes through their setters by reflection.
 */
public abstract class TablePrecondition extends CitusPrecondition {

    String schemaName;
    String tableName;

    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = schemaName;
    }

    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    @Override
    void checkAttributes(ValidationErrors errors) {
        errors.checkRequiredField("tableName", tableName);
    }
}
