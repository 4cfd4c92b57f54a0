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
 * {@code <citus:distributeSchema>}: schema-based sharding with {@code citus_schema_distribute}. Rolls back with the opposite function.
 */
@DatabaseChange(name = "distributeSchema", description = "Turns a schema into a distributed (tenant) schema",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "schema")
public class DistributeSchemaChange extends CitusChange {

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
            problems.add("distributeSchema: schema " + schemaName + " does not exist; fix schemaName or create the schema"
                    + " in an earlier changeset");
        }
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {new SchemaDistributionStatement(schemaName, true)};
    }

    @Override
    protected Change[] createInverses() {
        UndistributeSchemaChange inverse = new UndistributeSchemaChange();
        inverse.setSchemaName(schemaName);
        return new Change[] {inverse(inverse)};
    }

    @Override
    public String getConfirmationMessage() {
        return "Schema " + schemaName + " distributed";
    }
}
