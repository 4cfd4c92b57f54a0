package io.citushibernate.liquibase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.structure.core.Column;
import liquibase.structure.core.Schema;

/** Constants and SQL text helpers shared by the change types, generators and preconditions. */
final class Citus {

    static final String NAMESPACE = "http://citushibernate.io/xml/ns/citus";
    /** Changelog/system property choosing what a Citus change does on a database without Citus. */
    static final String WHEN_MISSING_PROPERTY = "citus.liquibase.whenCitusMissing";
    static final String DETECT_SQL = "select 1 from pg_extension where extname = 'citus'";

    enum WhenMissing { SKIP, FAIL }

    enum TransferMode {
        AUTO("auto"), FORCE_LOGICAL("force_logical"), BLOCK_WRITES("block_writes");

        final String sql;

        TransferMode(String sql) {
            this.sql = sql;
        }

        /** Citus runs logical-replication transfers outside of a transaction block only. */
        boolean needsNoTransaction() {
            return this != BLOCK_WRITES;
        }

        static TransferMode parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            for (TransferMode mode : values()) {
                if (mode.sql.equalsIgnoreCase(value.trim())) {
                    return mode;
                }
            }
            return null;
        }
    }

    private Citus() {
    }

    /**
     * Reads {@value #WHEN_MISSING_PROPERTY}: changelog parameters (which Liquibase seeds with system properties
     * and which a changelog {@code <property>} sets) first, then the live system property, default skip.
     * Returns null for an unknown value so that validation can report it.
     */
    static WhenMissing whenMissing(ChangeSet changeSet) {
        String raw = null;
        if (changeSet != null && changeSet.getChangeLog() != null) {
            ChangeLogParameters parameters = changeSet.getChangeLog().getChangeLogParameters();
            if (parameters != null) {
                Object value = parameters.getValue(WHEN_MISSING_PROPERTY, changeSet.getChangeLog());
                raw = value == null ? null : value.toString();
            }
        }
        if (raw == null) {
            raw = System.getProperty(WHEN_MISSING_PROPERTY);
        }
        if (raw == null || raw.isBlank()) {
            return WhenMissing.SKIP;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "skip":
                return WhenMissing.SKIP;
            case "fail":
                return WhenMissing.FAIL;
            default:
                return null;
        }
    }

    static String rawWhenMissing(ChangeSet changeSet) {
        if (changeSet != null && changeSet.getChangeLog() != null
                && changeSet.getChangeLog().getChangeLogParameters() != null) {
            Object value = changeSet.getChangeLog().getChangeLogParameters()
                    .getValue(WHEN_MISSING_PROPERTY, changeSet.getChangeLog());
            if (value != null) {
                return value.toString();
            }
        }
        return System.getProperty(WHEN_MISSING_PROPERTY);
    }

    /** A table name escaped by Liquibase (quoted only when needed), schema-qualified like Liquibase's own DDL. */
    static String table(Database database, String schemaName, String tableName) {
        return database.escapeTableName(null, schemaName, tableName);
    }

    static String column(Database database, String columnName) {
        return database.escapeObjectName(columnName, Column.class);
    }

    static String schema(Database database, String schemaName) {
        return database.escapeObjectName(schemaName, Schema.class);
    }

    static String columns(Database database, List<String> columnNames) {
        List<String> escaped = new ArrayList<>();
        for (String name : columnNames) {
            escaped.add(column(database, name));
        }
        return String.join(", ", escaped);
    }

    /** The table as a regclass text argument: the escaped (quoted when needed) name inside a string literal. */
    static String regclass(Database database, String schemaName, String tableName) {
        return literal(table(database, schemaName, tableName));
    }

    /**
     * A SQL string literal. Doubling single quotes is enough under standard_conforming_strings; a value with a
     * backslash uses the E'' form so that it means the same whatever that setting is.
     */
    static String literal(String value) {
        String quoted = value.replace("'", "''");
        if (value.indexOf('\\') >= 0) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }

    /** Splits a comma separated attribute into trimmed, non-empty items. */
    static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Collections.emptyList();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** "schema.table" or "table" (then in the given default schema). */
    static String[] qualified(String name, String defaultSchema) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            return new String[] {name.substring(0, dot).trim(), name.substring(dot + 1).trim()};
        }
        return new String[] {defaultSchema, name.trim()};
    }
}
