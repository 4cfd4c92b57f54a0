package io.citushibernate.liquibase;

import java.util.List;

/** Catalog checks shared by several change types; each problem names the object and how to fix it. */
final class Checks {

    private Checks() {
    }

    static String name(Catalog catalog, String schema, String table) {
        return catalog.schemaOrDefault(schema) + "." + table;
    }

    static boolean table(Catalog catalog, String operation, String schema, String table, List<String> problems) {
        if (catalog.tableExists(schema, table)) {
            return true;
        }
        problems.add(operation + ": table " + name(catalog, schema, table)
                + " does not exist; check tableName/schemaName or create the table in an earlier changeset");
        return false;
    }

    static boolean column(Catalog catalog, String operation, String schema, String table, String column,
            String attribute, List<String> problems) {
        if (catalog.columnExists(schema, table, column)) {
            return true;
        }
        problems.add(operation + ": table " + name(catalog, schema, table) + " has no column " + column
                + "; fix " + attribute + " or add the column first (e.g. with citus:addTenantColumn)");
        return false;
    }

    /** The table exists, has the column, and every primary key and unique constraint includes it (Citus rule). */
    static void distributionColumn(Catalog catalog, String operation, String schema, String table, String column,
            List<String> problems) {
        if (!table(catalog, operation, schema, table, problems)
                || !column(catalog, operation, schema, table, column, "distributionColumn", problems)) {
            return;
        }
        String own = catalog.schemaOrDefault(schema);
        String ownTable = catalog.tableName(table);
        String distribution = catalog.columnName(column);
        for (Catalog.Constraint constraint : catalog.constraints(schema, table)) {
            boolean ownKey = constraint.type != 'f' && constraint.schema.equals(own) && constraint.table.equals(ownTable);
            if (ownKey && !constraint.columns.contains(distribution)) {
                String kind = constraint.type == 'p' ? "primary key " : "unique constraint ";
                problems.add(operation + ": " + kind + constraint.name + " (" + String.join(", ", constraint.columns)
                        + ") of " + name(catalog, schema, table) + " does not include the distribution column "
                        + column + ", which Citus requires; make it (" + column + ", "
                        + String.join(", ", constraint.columns) + ") first, e.g. with citus:addTenantColumnToKeys"
                        + " tenantColumn=\"" + column + "\"");
            }
        }
    }

    static void colocationTarget(Catalog catalog, String schema, String colocateWith, List<String> problems) {
        if (Citus.blank(colocateWith) || colocateWith.trim().equalsIgnoreCase("none")
                || colocateWith.trim().equalsIgnoreCase("default")) {
            return;
        }
        String[] target = Citus.qualified(colocateWith.trim(), schema);
        if (!catalog.tableExists(target[0], target[1])) {
            problems.add("colocateWith: table " + name(catalog, target[0], target[1])
                    + " does not exist; name a distributed table, or none / default");
        }
    }
}
