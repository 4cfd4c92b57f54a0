package io.citushibernate.liquibase;

final class CreateReferenceTableStatement extends TableStatement {

    CreateReferenceTableStatement(String schemaName, String tableName) {
        super(schemaName, tableName);
    }
}
