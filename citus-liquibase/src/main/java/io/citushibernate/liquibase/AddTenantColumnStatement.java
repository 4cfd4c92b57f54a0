package io.citushibernate.liquibase;


final class AddTenantColumnStatement extends TableStatement {
    final String columnName;
    final String columnType;
    final JoinPath joinPath;
    final String sourceColumn;
    final boolean notNull;

    AddTenantColumnStatement(String schemaName, String tableName, String columnName, String columnType,
            JoinPath joinPath, String sourceColumn, boolean notNull) {
        super(schemaName, tableName);
        this.columnName = columnName;
        this.columnType = columnType;
        this.joinPath = joinPath;
        this.sourceColumn = sourceColumn;
        this.notNull = notNull;
    }
}
