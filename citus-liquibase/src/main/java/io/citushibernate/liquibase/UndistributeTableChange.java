package io.citushibernate.liquibase;

import java.util.List;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;

/**
 * {@code <citus:undistributeTable>}: turns a distributed or reference table back into a local table with
 * {@code undistribute_table}. No automatic rollback: the previous distribution is not known.
 */
@DatabaseChange(name = "undistributeTable", description = "Turns a Citus table back into a local table",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "table")
public class UndistributeTableChange extends TableChange {

    private Boolean cascadeViaForeignKeys;
    /** Set on rollback inverses only, not a changelog attribute. */
    private boolean onlyIfDistributed;

    static UndistributeTableChange forRollback(String schemaName, String tableName) {
        UndistributeTableChange change = new UndistributeTableChange();
        change.schemaName = schemaName;
        change.tableName = tableName;
        // Citus refuses to undistribute one table of a foreign-key-connected group; the whole group goes, and the
        // rollbacks of the other members then find their table local already and do nothing.
        change.cascadeViaForeignKeys = true;
        change.onlyIfDistributed = true;
        return change;
    }

    @DatabaseChangeProperty(description = "Also undistribute tables connected by foreign keys",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public Boolean getCascadeViaForeignKeys() {
        return cascadeViaForeignKeys;
    }

    public void setCascadeViaForeignKeys(Boolean cascadeViaForeignKeys) {
        this.cascadeViaForeignKeys = cascadeViaForeignKeys;
    }

    @Override
    boolean needsCitus() {
        return true;
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {
            new UndistributeTableStatement(schemaName, tableName, Boolean.TRUE.equals(cascadeViaForeignKeys),
                    onlyIfDistributed)
        };
    }

    @Override
    String noRollbackReason() {
        return "the table's previous distribution column, co-location and shard count are not known to the change";
    }

    @Override
    public String getConfirmationMessage() {
        return "Table " + tableName + " undistributed";
    }
}
