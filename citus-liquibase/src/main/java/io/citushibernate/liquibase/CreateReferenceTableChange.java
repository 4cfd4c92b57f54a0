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
public class CreateReferenceTableChange extends TableChange {


    @Override
    boolean needsCitus() {
        return true;
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
