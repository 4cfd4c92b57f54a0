package io.citushibernate.liquibase;

import java.util.List;

import liquibase.change.Change;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;

/**
 * What {@code distributeSchema} and {@code undistributeSchema} share: one attribute, the same checks, and each other as
 * inverse. Public because Liquibase reads the attribute's getter by reflection.
 */
public abstract class SchemaDistributionChange extends CitusChange {

    private String schemaName;

    @DatabaseChangeProperty(description = "Schema name", requiredForDatabase = "postgresql",
            supportsDatabase = "postgresql")
    public String getSchemaName() {
        return schemaName;
    }

    public void setSchemaName(String schemaName) {
        this.schemaName = schemaName;
    }

    /** {@code true} for {@code citus_schema_distribute}, {@code false} for {@code citus_schema_undistribute}. */
    abstract boolean distributes();

    /** The change that undoes this one. */
    abstract SchemaDistributionChange opposite();

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
            problems.add((distributes() ? "distributeSchema" : "undistributeSchema") + ": schema " + schemaName
                    + " does not exist; fix schemaName or create the schema in an earlier changeset");
        }
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {new SchemaDistributionStatement(schemaName, distributes())};
    }

    @Override
    protected Change[] createInverses() {
        SchemaDistributionChange inverse = opposite();
        inverse.setSchemaName(schemaName);
        return new Change[] {inverse(inverse)};
    }

    @Override
    public String getConfirmationMessage() {
        return "Schema " + schemaName + (distributes() ? " distributed" : " undistributed");
    }
}
