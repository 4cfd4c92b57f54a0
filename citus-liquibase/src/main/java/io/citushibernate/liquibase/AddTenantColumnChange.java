package io.citushibernate.liquibase;

import java.util.List;

import liquibase.change.Change;
import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;
import liquibase.change.DatabaseChangeProperty;
import liquibase.change.core.DropColumnChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.statement.SqlStatement;

/**
 * {@code <citus:addTenantColumn>}: denormalizes a table for distribution. Adds the tenant column, backfills it through
 * a join path (e.g. line_items gets store_id from orders via {@code line_items.order_id = orders.order_id}) and sets
 * NOT NULL. Plain PostgreSQL: runs with or without Citus. Rolls back by dropping the column.
 */
@DatabaseChange(name = "addTenantColumn",
        description = "Adds a tenant column and backfills it through a join path",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "table")
public class AddTenantColumnChange extends TableChange {

    private String columnName;
    private String columnType;
    private String joinPath;
    private String sourceColumn;
    private Boolean nullable;

    @DatabaseChangeProperty(description = "Name of the new tenant column", requiredForDatabase = "postgresql",
            supportsDatabase = "postgresql")
    public String getColumnName() {
        return columnName;
    }

    public void setColumnName(String columnName) {
        this.columnName = columnName;
    }

    @DatabaseChangeProperty(description = "Type of the new column (Liquibase type, e.g. uuid, bigint)",
            requiredForDatabase = "postgresql", supportsDatabase = "postgresql")
    public String getColumnType() {
        return columnType;
    }

    public void setColumnType(String columnType) {
        this.columnType = columnType;
    }

    @DatabaseChangeProperty(description = "Comma separated hops table.column = table.column from this table to the"
            + " table holding the tenant value", requiredForDatabase = "postgresql", supportsDatabase = "postgresql")
    public String getJoinPath() {
        return joinPath;
    }

    public void setJoinPath(String joinPath) {
        this.joinPath = joinPath;
    }

    @DatabaseChangeProperty(description = "Column of the last table in the path to copy (default: columnName)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public String getSourceColumn() {
        return sourceColumn;
    }

    public void setSourceColumn(String sourceColumn) {
        this.sourceColumn = sourceColumn;
    }

    @DatabaseChangeProperty(description = "Leave the column nullable (default false: SET NOT NULL after backfill)",
            requiredForDatabase = "none", supportsDatabase = "postgresql")
    public Boolean getNullable() {
        return nullable;
    }

    public void setNullable(Boolean nullable) {
        this.nullable = nullable;
    }

    private String source() {
        return Citus.blank(sourceColumn) ? columnName : sourceColumn;
    }

    private JoinPath path() {
        return JoinPath.parse(joinPath, schemaName, tableName);
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
        errors.checkRequiredField("columnName", columnName);
        errors.checkRequiredField("columnType", columnType);
        errors.checkRequiredField("joinPath", joinPath);
    }

    @Override
    void checkValues(ValidationErrors errors) {
        if (!Citus.blank(joinPath) && !Citus.blank(tableName)) {
            try {
                path();
            } catch (IllegalArgumentException e) {
                errors.addError("addTenantColumn on " + tableName + ": " + e.getMessage());
            }
        }
    }

    @Override
    void checkCatalog(Catalog catalog, List<String> problems) {
        String operation = "addTenantColumn";
        if (!Checks.table(catalog, operation, schemaName, tableName, problems)) {
            return;
        }
        if (catalog.columnExists(schemaName, tableName, columnName)) {
            problems.add(operation + ": table " + Checks.name(catalog, schemaName, tableName)
                    + " already has a column " + columnName + "; drop the change or pick another columnName");
        }
        JoinPath path = path();
        for (int i = 0; i < path.hops.size(); i++) {
            JoinPath.Hop hop = path.hops.get(i);
            String fromSchema = i == 0 ? schemaName : schema(hop.from);
            String toSchema = schema(hop.to);
            if (i == 0) {
                Checks.column(catalog, operation, fromSchema, hop.from.table, hop.from.column, "joinPath", problems);
            }
            if (Checks.table(catalog, operation, toSchema, hop.to.table, problems)) {
                Checks.column(catalog, operation, toSchema, hop.to.table, hop.to.column, "joinPath", problems);
                if (i + 1 < path.hops.size()) {
                    JoinPath.Ref next = path.hops.get(i + 1).from;
                    Checks.column(catalog, operation, toSchema, hop.to.table, next.column, "joinPath", problems);
                } else {
                    Checks.column(catalog, operation, toSchema, hop.to.table, source(), "sourceColumn", problems);
                }
            }
        }
    }

    private String schema(JoinPath.Ref ref) {
        return ref.schema == null ? schemaName : ref.schema;
    }

    @Override
    SqlStatement[] statements(Database database) {
        return new SqlStatement[] {
            new AddTenantColumnStatement(schemaName, tableName, columnName, columnType, path(), source(),
                    !Boolean.TRUE.equals(nullable))
        };
    }

    @Override
    protected Change[] createInverses() {
        DropColumnChange drop = new DropColumnChange();
        drop.setSchemaName(schemaName);
        drop.setTableName(tableName);
        drop.setColumnName(columnName);
        return new Change[] {drop};
    }

    @Override
    public String getConfirmationMessage() {
        return "Tenant column " + columnName + " added to " + tableName + " and backfilled";
    }
}
