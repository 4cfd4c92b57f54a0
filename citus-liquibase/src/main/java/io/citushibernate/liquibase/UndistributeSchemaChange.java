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
 * {@code <citus:undistributeSchema>}: schema-based sharding with {@code citus_schema_undistribute}. Rolls back with the opposite function.
 */
@DatabaseChange(name = "undistributeSchema", description = "Turns a distributed schema back into a local schema",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "schema")
public class UndistributeSchemaChange extends CitusChange {

    private String schemaName;

    @DatabaseChangeProperty(description = "Schema name", requiredForDatabase = "postgresql",
            supportsDatabase = "postgresql")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = schemaName;
    }

    @Override
    boolean needsCitus() {
        return true;
    }

    @Override
    void checkAttributes(ValidationErrors errors) {
        errors.checkRequiredField("schemaName", schemaName);
    }

    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        if (!catalog.schemaExists(schemaName)) {
            problems.add("undistributeSchema: schema " + schemaName + " does not exist; fix schemaName or create the schema"
                    + " in an earlier changeset");
        }
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {new SchemaDistributionStatement(schemaName, false)};
    }

    @Override
    protected Change[] createInverses() {
        DistributeSchemaChange inverse = new DistributeSchemaChange();
        inverse.setSchemaName(schemaName);
        return new Change[] {inverse(inverse)};
    }

    @Override
    public String getConfirmationMessage() {
        return "Schema " + schemaName + " undistributed";
    }
}
