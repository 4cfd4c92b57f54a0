package io.citushibernate.liquibase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One embedded PostgreSQL (no Citus) per test JVM; every test gets a fresh database in it. */
final class Pg {

    private static EmbeddedPostgres server;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Pg() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL (user and password in the URL). */
    static String newDatabase() {
        String name = "lb_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server().getJdbcUrl("postgres", "postgres"));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    static void exec(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Rows of a query, each row's columns joined by "|". */
    static List<String> rows(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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

    static String one(String url, String sql) throws SQLException {
        List<String> rows = rows(url, sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Every primary key, unique and foreign key constraint of the public schema with its columns in key order, the
     * columns of its index (pg_index) and what it references, e.g.
     * {@code orders.orders_pkey p (store_id, order_id) index (store_id, order_id)}.
     */
    static List<String> keys(String url) throws SQLException {
        return rows(url, "select cl.relname || '.' || c.conname || ' ' || c.contype::text || ' ('"
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
                + " where n.nspname = 'public' and c.contype in ('p', 'u', 'f')"
                + " and cl.relname not like 'databasechangelog%'").stream().sorted().collect(Collectors.toList());
    }

    /** Columns of the public tables: table.column type nullability, in column order. */
    static List<String> columns(String url) throws SQLException {
        return rows(url, "select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
                + " from information_schema.columns where table_schema = 'public'"
                + " and table_name not like 'databasechangelog%' order by table_name, ordinal_position");
    }
}
