package io.citushibernate.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;

/**
 * {@code <citus:addTenantColumnToKeys>}: puts the tenant column first in a table's primary key, its unique constraints
 * and the foreign keys from or to it, keeping constraint names, as Citus requires before distribution. The current
 * keys are declared in attributes, so update-sql and future-rollback-sql print exact SQL without a database and the
 * rollback restores exactly the declared keys; before running, the declaration is checked against the catalog.
 */
@DatabaseChange(name = "addTenantColumnToKeys",
        description = "Rewrites primary, unique and foreign keys to start with the tenant column",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "table")
public class AddTenantColumnToKeysChange extends TableChange {

    private static final String OPERATION = "addTenantColumnToKeys";

    private String tenantColumn;
    private String primaryKeyName;
    private String primaryKeyColumns;
    private String uniqueConstraints;
    private String foreignKeys;

    @DatabaseChangeProperty(description = "Tenant column, same name in every table involved",
            requiredForDatabase = "postgresql", supportsDatabase = "postgresql")
    public String getTenantColumn() {
        return tenantColumn;
    }

    public void setTenantColumn(String tenantColumn) {
        this.tenantColumn = tenantColumn;
    }

    @DatabaseChangeProperty(description = "Name of the primary key (default: <table>_pkey)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getPrimaryKeyName() {
        return primaryKeyName;
    }

    public void setPrimaryKeyName(String primaryKeyName) {
        this.primaryKeyName = primaryKeyName;
    }

    @DatabaseChangeProperty(description = "Current primary key columns, comma separated",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getPrimaryKeyColumns() {
        return primaryKeyColumns;
    }

    public void setPrimaryKeyColumns(String primaryKeyColumns) {
        this.primaryKeyColumns = primaryKeyColumns;
    }

    @DatabaseChangeProperty(description = "Current unique constraints: name(column, ...); ...",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getUniqueConstraints() {
        return uniqueConstraints;
    }

    public void setUniqueConstraints(String uniqueConstraints) {
        this.uniqueConstraints = uniqueConstraints;
    }

    @DatabaseChangeProperty(description = "Current foreign keys from or to the table:"
            + " name: table(column, ...) -> referenced_table(column, ...); ...",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getForeignKeys() {
        return foreignKeys;
    }

    public void setForeignKeys(String foreignKeys) {
        this.foreignKeys = foreignKeys;
    }

    private TenantKeys keys() {
        return TenantKeys.parse(schemaName, tableName, tenantColumn, primaryKeyName, primaryKeyColumns,
                uniqueConstraints, foreignKeys);
    }

    @Override
    boolean needsCitus() {
        return false;
    }

    @Override
    boolean altersSchema() {
        return true;
    }

    @Override
    void checkRequired(ValidationErrors errors) {
        errors.checkRequiredField("tenantColumn", tenantColumn);
    }

    @Override
    void checkValues(ValidationErrors errors) {
        if (!errors.hasErrors()) {
            try {
                keys();
            } catch (IllegalArgumentException e) {
                errors.addError(OPERATION + " on " + tableName + ": " + e.getMessage());
            }
        }
    }

    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        if (!Checks.table(catalog, OPERATION, schemaName, tableName, problems)) {
            return;
        }
        Checks.column(catalog, OPERATION, schemaName, tableName, tenantColumn, "tenantColumn", problems);
        TenantKeys keys = keys();
        String schema = catalog.schemaOrDefault(schemaName);
        String table = catalog.tableName(tableName);
        String tenant = catalog.columnName(tenantColumn);
        String where = " of " + schema + "." + table;
        List<Catalog.Constraint> constraints = catalog.constraints(schemaName, tableName);
        List<Catalog.Constraint> own = new ArrayList<>();
        List<Catalog.Constraint> incoming = new ArrayList<>();
        for (Catalog.Constraint c : constraints) {
            if (c.schema.equals(schema) && c.table.equals(table)) {
                own.add(c);
            } else {
                incoming.add(c);
            }
        }

        Optional<Catalog.Constraint> pk = own.stream().filter(c -> c.type == 'p').findFirst();
        if (keys.primaryKey != null) {
            if (pk.isEmpty()) {
                problems.add(OPERATION + ": table " + schema + "." + table
                        + " has no primary key; remove primaryKeyColumns");
            } else if (!pk.get().name.equals(catalog.columnName(keys.primaryKey.name))
                    || !pk.get().columns.equals(names(catalog, keys.primaryKey.columns))) {
                problems.add(OPERATION + ": the primary key" + where + " is " + describe(pk.get())
                        + ", not " + keys.primaryKey.name + " (" + String.join(", ", keys.primaryKey.columns)
                        + "); declare primaryKeyName=\"" + pk.get().name + "\" primaryKeyColumns=\""
                        + String.join(", ", pk.get().columns) + "\"");
            }
        } else if (pk.isPresent() && !pk.get().columns.contains(tenant)) {
            problems.add(OPERATION + ": primary key " + describe(pk.get()) + where + " does not include "
                    + tenant + "; declare it with primaryKeyColumns=\"" + String.join(", ", pk.get().columns) + "\"");
        }

        for (TenantKeys.Key uk : keys.uniques) {
            Optional<Catalog.Constraint> found = own.stream()
                    .filter(c -> c.type == 'u' && c.name.equals(catalog.columnName(uk.name))).findFirst();
            if (found.isEmpty()) {
                problems.add(OPERATION + ": table " + schema + "." + table + " has no unique constraint " + uk.name
                        + "; fix uniqueConstraints");
            } else if (!found.get().columns.equals(names(catalog, uk.columns))) {
                problems.add(OPERATION + ": unique constraint " + uk.name + where + " is "
                        + describe(found.get()) + ", not as declared; declare \"" + describe(found.get()) + "\"");
            }
        }
        for (Catalog.Constraint c : own) {
            boolean declared = keys.uniques.stream().anyMatch(uk -> catalog.columnName(uk.name).equals(c.name));
            if (c.type == 'u' && !declared && !c.columns.contains(tenant)) {
                problems.add(OPERATION + ": unique constraint " + describe(c) + where + " does not include "
                        + tenant + "; add \"" + describe(c).replace(" (", "(") + "\" to uniqueConstraints");
            }
        }

        for (TenantKeys.ForeignKey fk : keys.foreignKeys) {
            String fkSchema = catalog.schemaOrDefault(fk.schema);
            Optional<Catalog.Constraint> found = constraints.stream()
                    .filter(c -> c.type == 'f' && c.name.equals(catalog.columnName(fk.name))
                            && c.schema.equals(fkSchema) && c.table.equals(catalog.tableName(fk.table)))
                    .findFirst();
            if (found.isEmpty()) {
                problems.add(OPERATION + ": foreign key " + fk.name + " on " + fkSchema + "." + fk.table
                        + " does not exist" + (fk.table.equals(tableName) || fk.refTable.equals(tableName)
                                ? "" : " or does not reference " + tableName) + "; fix foreignKeys");
                continue;
            }
            Catalog.Constraint c = found.get();
            if (!c.columns.equals(names(catalog, fk.columns)) || !c.refColumns.equals(names(catalog, fk.refColumns))
                    || !c.refTable.equals(catalog.tableName(fk.refTable))
                    || !c.refSchema.equals(catalog.schemaOrDefault(fk.refSchema))) {
                problems.add(OPERATION + ": foreign key " + fk.name + " is \"" + declaration(c, schema)
                        + "\", not as declared; fix foreignKeys");
            }
            if (c.onDelete != 'a' || c.onUpdate != 'a' || c.deferrable) {
                problems.add(OPERATION + ": foreign key " + fk.name + " has ON DELETE/ON UPDATE actions or is"
                        + " deferrable, which this change does not recreate; rewrite it with dropForeignKeyConstraint"
                        + " and addForeignKeyConstraint instead");
            }
            String otherSchema = c.schema.equals(schema) && c.table.equals(table) ? c.refSchema : c.schema;
            String otherTable = c.schema.equals(schema) && c.table.equals(table) ? c.refTable : c.table;
            if (!catalog.columnExists(otherSchema, otherTable, tenantColumn)) {
                problems.add(OPERATION + ": foreign key " + fk.name + " joins " + otherSchema + "." + otherTable
                        + ", which has no column " + tenant + "; add it first (e.g. with citus:addTenantColumn)");
            }
        }
        for (Catalog.Constraint c : incoming) {
            boolean declared = keys.foreignKeys.stream().anyMatch(fk -> catalog.columnName(fk.name).equals(c.name)
                    && catalog.tableName(fk.table).equals(c.table));
            if (!declared && !c.columns.contains(tenant)) {
                problems.add(OPERATION + ": foreign key " + c.name + " of " + c.schema + "." + c.table
                        + " references " + schema + "." + table + " without " + tenant + "; add \""
                        + declaration(c, schema) + "\" to foreignKeys");
            }
        }
    }

    private static List<String> names(Catalog catalog, List<String> columns) {
        List<String> result = new ArrayList<>();
        for (String column : columns) {
            result.add(catalog.columnName(column));
        }
        return result;
    }

    private static String describe(Catalog.Constraint c) {
        return c.name + " (" + String.join(", ", c.columns) + ")";
    }

    private static String declaration(Catalog.Constraint c, String defaultSchema) {
        return TenantKeys.ForeignKey.declaration(c.name, qualify(c.schema, c.table, defaultSchema), c.columns,
                qualify(c.refSchema, c.refTable, defaultSchema), c.refColumns);
    }

    private static String qualify(String schema, String table, String defaultSchema) {
        return schema.equals(defaultSchema) ? table : schema + "." + table;
    }

    @Override
    SqlStatement[] statements(Database database) {
        TenantKeys keys = keys();
        return new SqlStatement[] {new AddTenantColumnToKeysStatement(keys, keys.withTenant())};
    }

    // The declared keys are the exact previous state, so the rollback swaps the direction instead of going
    // through an inverse change.
    @Override
    public SqlStatement[] generateRollbackStatements(Database database) throws RollbackImpossibleException {
        TenantKeys keys = keys();
        return new SqlStatement[] {new AddTenantColumnToKeysStatement(keys.withTenant(), keys)};
    }

    @Override
    public boolean supportsRollback(Database database) {
        return true;
    }

    @Override
    public String getConfirmationMessage() {
        return "Keys of " + tableName + " rewritten to start with " + tenantColumn;
    }
}
