package io.citushibernate.liquibase;

import liquibase.statement.AbstractSqlStatement;

final class AddTenantColumnStatement extends AbstractSqlStatement {
    final String schemaName;
    final String tableName;
    final String columnName;
    final String columnType;
    final JoinPath joinPath;
    final String sourceColumn;
    final boolean notNull;

    AddTenantColumnStatement(String schemaName, String tableName, String columnName, String columnType,
            JoinPath joinPath, String sourceColumn, boolean notNull) {
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.columnName = columnName;
        this.columnType = columnType;
        this.joinPath = joinPath;
        this.sourceColumn = sourceColumn;
        this.notNull = notNull;
    }
}
