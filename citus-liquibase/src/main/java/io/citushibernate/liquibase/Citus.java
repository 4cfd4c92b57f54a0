package io.citushibernate.liquibase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.citushibernate.citus.ShardTransferMode;

import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.structure.core.Column;
import liquibase.structure.core.Schema;

/** Constants and SQL text helpers shared by the change types, generators and preconditions. */
final class Citus {

    static final String NAMESPACE = "http://citushibernate.io/xml/ns/citus";
    /**
     * Changelog/system property choosing what a Citus change does on a database without Citus; named like core's
     * {@code citus.hibernate.schema.when_citus_missing}.
     */
    static final String WHEN_MISSING_PROPERTY = "citus.liquibase.when_citus_missing";
    /** The name {@link #WHEN_MISSING_PROPERTY} had before; still read, with a warning. */
    static final String DEPRECATED_WHEN_MISSING_PROPERTY = "citus.liquibase.whenCitusMissing";
    static final String DETECT_SQL = "select 1 from pg_extension where extname = 'citus'";

    enum WhenMissing { SKIP, FAIL }

    /** Whether the deprecated name was reported; once per JVM is enough to get it renamed. */
    private static final AtomicBoolean DEPRECATION_REPORTED = new AtomicBoolean();

    /** A setting as the changelog or the JVM gives it: the name it was found under and its raw value. */
    record Setting(String name, String value) {
    }

    private Citus() {
    }

    /**
     * What {@value #WHEN_MISSING_PROPERTY} asks for, default skip; null for an unknown value so that validation can
     * report it.
     */
    static WhenMissing whenMissing(ChangeSet changeSet) {
        String raw = whenMissingSetting(changeSet).value();
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

    /**
     * Reads {@value #WHEN_MISSING_PROPERTY}, then {@value #DEPRECATED_WHEN_MISSING_PROPERTY} (warning once that it
     * is deprecated): each from the changelog parameters (which Liquibase seeds with system properties and which a
     * changelog {@code <property>} sets) first, then the live system property.
     */
    static Setting whenMissingSetting(ChangeSet changeSet) {
        String value = setting(changeSet, WHEN_MISSING_PROPERTY);
        if (value != null) {
            return new Setting(WHEN_MISSING_PROPERTY, value);
        }
        value = setting(changeSet, DEPRECATED_WHEN_MISSING_PROPERTY);
        if (value != null && DEPRECATION_REPORTED.compareAndSet(false, true)) {
            Scope.getCurrentScope().getLog(Citus.class).warning("citus-liquibase: the property "
                    + DEPRECATED_WHEN_MISSING_PROPERTY + " is deprecated; name it " + WHEN_MISSING_PROPERTY);
        }
        return new Setting(value == null ? WHEN_MISSING_PROPERTY : DEPRECATED_WHEN_MISSING_PROPERTY, value);
    }

    private static String setting(ChangeSet changeSet, String name) {
        if (changeSet != null && changeSet.getChangeLog() != null
                && changeSet.getChangeLog().getChangeLogParameters() != null) {
            Object value = changeSet.getChangeLog().getChangeLogParameters().getValue(name, changeSet.getChangeLog());
            if (value != null) {
                return value.toString();
            }
        }
        return System.getProperty(name);
    }

    /** Lets the deprecation warning be reported again (tests). */
    static void resetDeprecationWarning() {
        DEPRECATION_REPORTED.set(false);
    }

    /** A move target's port: the attribute, or PostgreSQL's default. */
    static int targetPort(Integer targetPort) {
        return targetPort == null ? 5432 : targetPort;
    }

    /** A move target's port is a TCP port. */
    static void checkTargetPort(int targetPort, ValidationErrors errors) {
        if (targetPort < 1 || targetPort > 65535) {
            errors.addError("targetPort " + targetPort + " is not a TCP port (1-65535)");
        }
    }

    /** A shardTransferMode attribute names a mode (blank: Citus' default). */
    static void checkTransferMode(String shardTransferMode, ValidationErrors errors) {
        if (ShardTransferMode.parse(shardTransferMode) == null) {
            errors.addError("shardTransferMode '" + shardTransferMode
                    + "' is not one of auto, force_logical, block_writes");
        }
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

    static List<String> columns(Database database, List<String> columnNames) {
        List<String> escaped = new ArrayList<>();
        for (String name : columnNames) {
            escaped.add(column(database, name));
        }
        return escaped;
    }

    /**
     * A colocateWith attribute as Citus takes it: null when blank; 'none' and 'default' are Citus keywords; anything
     * else is a table, in the change's schema unless qualified.
     */
    static String colocateWith(Database database, String schemaName, String colocateWith) {
        if (blank(colocateWith)) {
            return null;
        }
        String value = colocateWith.trim();
        if (value.equalsIgnoreCase("none") || value.equalsIgnoreCase("default")) {
            return value.toLowerCase(Locale.ROOT);
        }
        String[] name = qualified(value, schemaName);
        return table(database, name[0], name[1]);
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
