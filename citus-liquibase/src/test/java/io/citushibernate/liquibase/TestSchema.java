package io.citushibernate.liquibase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.RoutingCheck;

/**
 * The test class's schema on the testkit's database (embedded PostgreSQL, or Citus where the testkit found one), as
 * the tests see it: every connection works in it ({@code currentSchema}), so changelogs and SQL name tables without a
 * schema, like an application does. {@link #emptied} drops what an earlier test of the class left, so each test starts
 * from an empty schema as it did with a database of its own.
 */
final class TestSchema {

    private final CitusDatabase database;

    private TestSchema(CitusDatabase database) {
        this.database = database;
    }

    /** The schema of {@code database}, with every table, view and sequence in it dropped. */
    static TestSchema emptied(CitusDatabase database) {
        TestSchema schema = new TestSchema(database);
        schema.dropEverything();
        return schema;
    }

    String name() {
        return database.schema();
    }

    boolean isCitus() {
        return database.isCitus();
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    void exec(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + "\n  statement: " + sql, e);
        }
    }

    /** Rows of a query, each row's columns joined by "|". */
    List<String> rows(String sql) {
        try (Connection c = dataSource().getConnection()) {
            return rows(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + "\n  statement: " + sql, e);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                if (columns == 1) {
                    rows.add(rs.getString(1));
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
            return rows;
        }
    }

    String one(String sql) {
        List<String> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A check over every tenant's rows (e.g. every line item against its order): multi-shard by design. */
    String oneAcrossTenants(String sql) {
        return RoutingCheck.allowMultiShard(() -> one(sql));
    }

    /**
     * Every primary key, unique and foreign key constraint of the schema with its columns in key order, the columns of
     * its index (pg_index) and what it references, e.g.
     * {@code orders.orders_pkey p (store_id, order_id) index (store_id, order_id)}.
     */
    List<String> keys() {
        return rows("select cl.relname || '.' || c.conname || ' ' || c.contype::text || ' ('"
                + " || array_to_string(array(select a.attname from unnest(c.conkey) with ordinality k(n, i)"
                + "   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i), ', ') || ')'"
                + " || case when c.contype = 'f' then ' -> ' || rc.relname || ' (' || array_to_string(array("
                + "   select a.attname from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a"
                + "   on a.attrelid = c.confrelid and a.attnum = k.n order by k.i), ', ') || ')'"
                + "   else ' index (' || array_to_string(array(select a.attname from pg_index x cross join lateral"
                + "   unnest(x.indkey::int2[]) with ordinality k(n, i) join pg_attribute a on a.attrelid = x.indrelid"
                + "   and a.attnum = k.n where x.indexrelid = c.conindid order by k.i), ', ') || ')' end"
                + " from pg_constraint c join pg_class cl on cl.oid = c.conrelid"
                + " join pg_namespace n on n.oid = cl.relnamespace left join pg_class rc on rc.oid = c.confrelid"
                + " where n.nspname = current_schema() and c.contype in ('p', 'u', 'f')"
                + " and cl.relname not like 'databasechangelog%'").stream().sorted().collect(Collectors.toList());
    }

    /** Columns of the schema's tables: table.column type nullability, in column order. */
    List<String> columns() {
        return rows("select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
                + " from information_schema.columns where table_schema = current_schema()"
                + " and table_name not like 'databasechangelog%' order by table_name, ordinal_position");
    }

    /** Citus' partition method and distribution column of a table ("h store_id", "n " for a reference table). */
    String partition(String table) {
        return one("select partmethod::text || ' ' || coalesce(column_to_column_name(logicalrelid, partkey), '')"
                + " from pg_dist_partition where logicalrelid = '" + table + "'::regclass");
    }

    private void dropEverything() {
        // tables first: CASCADE takes the views on them and the sequences they own along
        dropAll("TABLE", "'r', 'p', 'f'");
        dropAll("MATERIALIZED VIEW", "'m'");
        dropAll("VIEW", "'v'");
        dropAll("SEQUENCE", "'S'");
    }

    private void dropAll(String kind, String relkinds) {
        List<String> names = rows("select quote_ident(relname) from pg_class where relnamespace ="
                + " current_schema()::regnamespace and relkind in (" + relkinds + ") order by relname");
        if (!names.isEmpty()) {
            exec("DROP " + kind + " IF EXISTS " + String.join(", ", names) + " CASCADE");
        }
    }
}
