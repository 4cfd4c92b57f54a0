package io.citushibernate.liquibase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys that {@code addTenantColumnToKeys} rewrites, as declared in the changelog: the primary key, unique
 * constraints, and foreign keys from or to the table. {@link #withTenant()} gives the rewritten form, with the tenant
 * column first in every key; the declared form is exactly what a rollback restores.
 */
final class TenantKeys {

    static final class Key {
        final String name;
        final List<String> columns;

        Key(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }
    }

    static final class ForeignKey {
        final String name;
        final String schema;
        final String table;
        final List<String> columns;
        final String refSchema;
        final String refTable;
        final List<String> refColumns;

        ForeignKey(String name, String schema, String table, List<String> columns, String refSchema, String refTable,
                List<String> refColumns) {
            this.name = name;
            this.schema = schema;
            this.table = table;
            this.columns = columns;
            this.refSchema = refSchema;
            this.refTable = refTable;
            this.refColumns = refColumns;
        }

        /** The declaration syntax, used in error messages that tell what to add. */
        static String declaration(String name, String table, List<String> columns, String refTable,
                List<String> refColumns) {
            return name + ": " + table + "(" + String.join(", ", columns) + ") -> " + refTable + "("
                    + String.join(", ", refColumns) + ")";
        }
    }

    private static final Pattern UNIQUE = Pattern.compile("\\s*([^\\s():;]+)\\s*\\(([^)]*)\\)\\s*");
    private static final Pattern FOREIGN = Pattern.compile(
            "\\s*([^\\s():;]+)\\s*:\\s*([^\\s()]+)\\s*\\(([^)]*)\\)\\s*->\\s*([^\\s()]+)\\s*\\(([^)]*)\\)\\s*");

    final String schema;
    final String table;
    final String tenantColumn;
    final Key primaryKey;
    final List<Key> uniques;
    final List<ForeignKey> foreignKeys;

    TenantKeys(String schema, String table, String tenantColumn, Key primaryKey, List<Key> uniques,
            List<ForeignKey> foreignKeys) {
        this.schema = schema;
        this.table = table;
        this.tenantColumn = tenantColumn;
        this.primaryKey = primaryKey;
        this.uniques = uniques;
        this.foreignKeys = foreignKeys;
    }

    /**
     * Parses the declaration attributes.
     *
     * @throws IllegalArgumentException with a message fit for a validation error
     */
    static TenantKeys parse(String schema, String table, String tenantColumn, String primaryKeyName,
            String primaryKeyColumns, String uniqueConstraints, String foreignKeys) {
        Key primaryKey = null;
        List<String> pkColumns = Citus.list(primaryKeyColumns);
        if (!pkColumns.isEmpty()) {
            primaryKey = new Key(Citus.blank(primaryKeyName) ? table + "_pkey" : primaryKeyName.trim(), pkColumns);
        } else if (!Citus.blank(primaryKeyName)) {
            throw new IllegalArgumentException("primaryKeyName is set but primaryKeyColumns is not;"
                    + " declare the current primary key columns, e.g. primaryKeyColumns=\"id\"");
        }
        List<Key> uniques = new ArrayList<>();
        for (String item : items(uniqueConstraints)) {
            Matcher m = UNIQUE.matcher(item);
            if (!m.matches() || Citus.list(m.group(2)).isEmpty()) {
                throw new IllegalArgumentException("uniqueConstraints entry '" + item.trim()
                        + "' is not of the form name(column, ...)");
            }
            uniques.add(new Key(m.group(1), Citus.list(m.group(2))));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (String item : items(foreignKeys)) {
            Matcher m = FOREIGN.matcher(item);
            if (!m.matches() || Citus.list(m.group(3)).isEmpty()
                    || Citus.list(m.group(3)).size() != Citus.list(m.group(5)).size()) {
                throw new IllegalArgumentException("foreignKeys entry '" + item.trim()
                        + "' is not of the form name: table(column, ...) -> referenced_table(column, ...)"
                        + " with as many columns on both sides");
            }
            String[] from = Citus.qualified(m.group(2), schema);
            String[] to = Citus.qualified(m.group(4), schema);
            ForeignKey fk = new ForeignKey(m.group(1), from[0], from[1], Citus.list(m.group(3)), to[0], to[1],
                    Citus.list(m.group(5)));
            boolean touches = (fk.table.equals(table) && Objects.equals(fk.schema, schema))
                    || (fk.refTable.equals(table) && Objects.equals(fk.refSchema, schema));
            if (!touches) {
                throw new IllegalArgumentException("foreign key " + fk.name + " neither starts at nor references "
                        + table + "; declare it with the table whose keys it follows");
            }
            fks.add(fk);
        }
        if (primaryKey == null && uniques.isEmpty() && fks.isEmpty()) {
            throw new IllegalArgumentException("addTenantColumnToKeys on " + table
                    + " declares no key: set primaryKeyColumns, uniqueConstraints and/or foreignKeys");
        }
        TenantKeys keys = new TenantKeys(schema, table, tenantColumn, primaryKey, uniques, fks);
        keys.checkTenantAbsent();
        return keys;
    }

    private void checkTenantAbsent() {
        List<Key> all = new ArrayList<>(uniques);
        if (primaryKey != null) {
            all.add(primaryKey);
        }
        for (Key key : all) {
            if (key.columns.contains(tenantColumn)) {
                throw new IllegalArgumentException("key " + key.name + " (" + String.join(", ", key.columns)
                        + ") already includes " + tenantColumn + "; leave it out of the declaration");
            }
        }
        for (ForeignKey fk : foreignKeys) {
            if (fk.columns.contains(tenantColumn) || fk.refColumns.contains(tenantColumn)) {
                throw new IllegalArgumentException("foreign key " + fk.name + " already includes " + tenantColumn
                        + "; leave it out of the declaration");
            }
        }
    }

    private static List<String> items(String text) {
        if (Citus.blank(text)) {
            return Collections.emptyList();
        }
        List<String> items = new ArrayList<>();
        for (String item : text.split(";")) {
            if (!item.isBlank()) {
                items.add(item);
            }
        }
        return items;
    }

    private List<String> prefixed(List<String> columns) {
        List<String> result = new ArrayList<>();
        result.add(tenantColumn);
        result.addAll(columns);
        return result;
    }

    /** The same keys with the tenant column first. */
    TenantKeys withTenant() {
        Key pk = primaryKey == null ? null : new Key(primaryKey.name, prefixed(primaryKey.columns));
        List<Key> uks = new ArrayList<>();
        for (Key uk : uniques) {
            uks.add(new Key(uk.name, prefixed(uk.columns)));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKey fk : foreignKeys) {
            fks.add(new ForeignKey(fk.name, fk.schema, fk.table, prefixed(fk.columns), fk.refSchema, fk.refTable,
                    prefixed(fk.refColumns)));
        }
        return new TenantKeys(schema, table, tenantColumn, pk, uks, fks);
    }
}
