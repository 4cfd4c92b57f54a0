package io.citushibernate.liquibase;

import liquibase.statement.AbstractSqlStatement;

final class CreateReferenceTableStatement extends AbstractSqlStatement {
    final String schemaName;
    final String tableName;

    CreateReferenceTableStatement(String schemaName, String tableName) {
        this.schemaName = schemaName;
        this.tableName = tableName;
    }
}
