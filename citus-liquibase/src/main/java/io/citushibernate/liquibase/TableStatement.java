package io.citushibernate.liquibase;

import liquibase.database.Database;
import liquibase.statement.AbstractSqlStatement;

/** A statement on one table, named by schema (default schema when null) and table. */
abstract class TableStatement extends AbstractSqlStatement {
    final String schemaName;
    final String tableName;

    TableStatement(String schemaName, String tableName) {
        this.schemaName = schemaName;
        this.tableName = tableName;
    }

    /** The table's SQL name, escaped by Liquibase like its own DDL. */
    String table(Database database) {
        return Citus.table(database, schemaName, tableName);
    }
}
