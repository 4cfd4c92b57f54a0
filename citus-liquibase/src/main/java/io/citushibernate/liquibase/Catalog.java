package io.citushibernate.liquibase;

import io.citushibernate.citus.SqlQuoting;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.structure.core.Column;
import liquibase.structure.core.Schema;
import liquibase.structure.core.Table;

/**
 * Read-only look-ups in the PostgreSQL and Citus catalogs. Queries go straight to the JDBC connection, never through
 * Liquibase's executor, so that update-sql output never contains them.
 */
final class Catalog {

    /** A primary key ('p'), unique ('u') or foreign key ('f') constraint, columns in key order. */
    static final class Constraint {
        final String name;
        final char type;
        final String schema;
        final String table;
        final List<String> columns;
        final String refSchema;
        final String refTable;
        final List<String> refColumns;
        /** pg_constraint.confdeltype / confupdtype: 'a' is NO ACTION, the default. */
        final char onDelete;
        final char onUpdate;
        final boolean deferrable;

        Constraint(String name, char type, String schema, String table, List<String> columns, String refSchema,
                String refTable, List<String> refColumns, char onDelete, char onUpdate, boolean deferrable) {
            this.name = name;
            this.type = type;
            this.schema = schema;
            this.table = table;
            this.columns = columns;
            this.refSchema = refSchema;
            this.refTable = refTable;
            this.refColumns = refColumns;
            this.onDelete = onDelete;
            this.onUpdate = onUpdate;
            this.deferrable = deferrable;
        }
    }

    private final Connection connection;
    private final Database database;

    private Catalog(Connection connection, Database database) {
        this.connection = connection;
        this.database = database;
    }

    /** The catalog of a database with a live JDBC connection; empty for offline databases. */
    static Optional<Catalog> of(Database database) {
        if (database != null && database.getConnection() instanceof JdbcConnection) {
            Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
            if (connection != null) {
                return Optional.of(new Catalog(connection, database));
            }
        }
        return Optional.empty();
    }

    boolean citusInstalled() {
        return exists(Citus.DETECT_SQL);
    }

    /** Installed, or installable by an earlier changeset with CREATE EXTENSION. */
    boolean citusAvailable() {
        return citusInstalled() || exists("select 1 from pg_available_extensions where name = 'citus'");
    }

    /** The schema a null schema attribute means: Liquibase's default schema, else the connection's. */
    String schemaOrDefault(String schema) {
        if (schema != null) {
            return database.correctObjectName(schema, Schema.class);
        }
        String defaultSchema = database.getDefaultSchemaName();
        if (defaultSchema != null) {
            return defaultSchema;
        }
        return string("select current_schema()");
    }

    boolean schemaExists(String schema) {
        return exists("select 1 from pg_namespace where nspname = ?", schemaOrDefault(schema));
    }

    boolean tableExists(String schema, String table) {
        return exists("select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'p')",
                schemaOrDefault(schema), tableName(table));
    }

    boolean columnExists(String schema, String table, String column) {
        return exists("select 1 from pg_attribute a join pg_class c on c.oid = a.attrelid"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relname = ? and a.attname = ? and a.attnum > 0 and not a.attisdropped",
                schemaOrDefault(schema), tableName(table), database.correctObjectName(column, Column.class));
    }

    /** Primary key, unique and foreign key constraints of the table, and foreign keys of other tables to it. */
    List<Constraint> constraints(String schema, String table) {
        String sql = "select c.conname, c.contype, cn.nspname, cl.relname,"
                + " array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)"
                + "   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i),"
                + " rn.nspname, rc.relname,"
                + " array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)"
                + "   join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i),"
                + " c.confdeltype, c.confupdtype, c.condeferrable"
                + " from pg_constraint c"
                + " join pg_class cl on cl.oid = c.conrelid join pg_namespace cn on cn.oid = cl.relnamespace"
                + " left join pg_class rc on rc.oid = c.confrelid left join pg_namespace rn on rn.oid = rc.relnamespace"
                + " where c.contype in ('p', 'u', 'f')"
                + " and ((cn.nspname = ? and cl.relname = ?) or (c.contype = 'f' and rn.nspname = ? and rc.relname = ?))"
                + " order by c.contype, c.conname";
        String s = schemaOrDefault(schema);
        String t = tableName(table);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, s);
            statement.setString(2, t);
            statement.setString(3, s);
            statement.setString(4, t);
            List<Constraint> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String deleteAction = rs.getString(9);
                    String updateAction = rs.getString(10);
                    result.add(new Constraint(rs.getString(1), rs.getString(2).charAt(0), rs.getString(3),
                            rs.getString(4), strings(rs.getArray(5)), rs.getString(6), rs.getString(7),
                            strings(rs.getArray(8)), deleteAction == null ? 'a' : deleteAction.charAt(0),
                            updateAction == null ? 'a' : updateAction.charAt(0), rs.getBoolean(11)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new UnexpectedLiquibaseException("Cannot read constraints of " + s + "." + t + ": " + e.getMessage(), e);
        }
    }

    /** The primary key of a table, if it has one. */
    Optional<Constraint> primaryKey(String schema, String table) {
        String s = schemaOrDefault(schema);
        String t = tableName(table);
        return constraints(schema, table).stream()
                .filter(c -> c.type == 'p' && c.schema.equals(s) && c.table.equals(t))
                .findFirst();
    }

    /** Distribution column name of a hash-distributed table ("" for reference/local Citus tables), if it is one. */
    Optional<String> distributionColumn(String schema, String table) {
        String value = string("select coalesce(column_to_column_name(p.logicalrelid, p.partkey), '')"
                + " from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ?",
                schemaOrDefault(schema), tableName(table));
        return Optional.ofNullable(value);
    }

    Optional<String> partitionMethod(String schema, String table) {
        return Optional.ofNullable(string("select p.partmethod::text from pg_dist_partition p"
                + " join pg_class c on c.oid = p.logicalrelid join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relname = ?", schemaOrDefault(schema), tableName(table)));
    }

    Optional<String> colocationId(String schema, String table) {
        return Optional.ofNullable(string("select p.colocationid::text from pg_dist_partition p"
                + " join pg_class c on c.oid = p.logicalrelid join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relname = ?", schemaOrDefault(schema), tableName(table)));
    }

    /** Adds a problem naming {@code change} when Citus is installed and {@code host:port} is not one of its nodes. */
    void checkTargetNode(String change, String host, int port, List<String> problems) {
        if (citusInstalled() && string("select 1 from pg_dist_node where nodename = ? and nodeport = " + port, host)
                == null) {
            problems.add(change + ": node " + host + ":" + port
                    + " is not in pg_dist_node; add it with citus_add_node or fix targetHost/targetPort");
        }
    }

    /** Whether the shard holding the tenant covers a single hash value, which is what tenant isolation creates. */
    boolean tenantIsolated(String schema, String table, TenantValue tenant) {
        // The tenant literal is validated/escaped by TenantValue; the table goes in as a regclass literal.
        String sql = "select s.shardminvalue::bigint = s.shardmaxvalue::bigint from pg_dist_shard s"
                + " where s.shardid = get_shard_id_for_distribution_column("
                + SqlQuoting.literal(Citus.table(database, schemaOrDefault(schema), table)) + ", " + tenant.toSql() + ")";
        return "t".equals(string(sql)) || "true".equals(string(sql));
    }

    String string(String sql, String... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new UnexpectedLiquibaseException("Catalog query failed: " + e.getMessage(), e);
        }
    }

    private boolean exists(String sql, String... parameters) {
        return string(sql, parameters) != null;
    }

    String tableName(String table) {
        return database.correctObjectName(table, Table.class);
    }

    String columnName(String column) {
        return database.correctObjectName(column, Column.class);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return Collections.emptyList();
        }
        return Arrays.asList((String[]) array.getArray());
    }
}
