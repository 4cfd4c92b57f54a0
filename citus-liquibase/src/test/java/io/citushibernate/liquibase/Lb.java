package io.citushibernate.liquibase;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import io.citushibernate.testkit.RoutingCheck;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.FutureRollbackSqlCommandStep;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateSqlCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/** Runs Liquibase commands the way the CLI and the Maven plugin do (CommandScope), capturing output and log. */
final class Lb {

    /** Log of the last command (INFO and up). */
    static String lastLog = "";

    private Lb() {
    }

    static ResourceAccessor resources() {
        return new ClassLoaderResourceAccessor(Lb.class.getClassLoader());
    }

    /** A Liquibase database on a connection of the test's schema: Liquibase works in it, bookkeeping included. */
    static Database database(TestSchema schema) throws Exception {
        Connection connection = schema.dataSource().getConnection();
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    }

    /** A database without connection; update-sql against it prints SQL assuming Citus is there. */
    static Database offline() {
        OfflineConnection connection = new OfflineConnection(
                "offline:postgresql?version=17&outputLiquibaseSql=none&changeLogFile=target/offline-"
                        + System.nanoTime() + ".csv", resources());
        Database database = DatabaseFactory.getInstance().getDatabase("postgresql");
        database.setConnection(connection);
        return database;
    }

    static void update(TestSchema schema, String changelog) throws Exception {
        run(schema, changelog, UpdateCommandStep.COMMAND_NAME, Map.of());
    }

    static void rollbackCount(TestSchema schema, String changelog, int count) throws Exception {
        run(schema, changelog, RollbackCountCommandStep.COMMAND_NAME, Map.of("count", count));
    }

    static String updateSql(Database database, String changelog) throws Exception {
        return output(database, changelog, UpdateSqlCommandStep.COMMAND_NAME);
    }

    static String futureRollbackSql(Database database, String changelog) throws Exception {
        return output(database, changelog, FutureRollbackSqlCommandStep.COMMAND_NAME);
    }

    private static void run(TestSchema schema, String changelog, String[] command, Map<String, Object> arguments)
            throws Exception {
        Database database = database(schema);
        try {
            CommandScope scope = new CommandScope(command)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue("changelogFile", changelog);
            arguments.forEach(scope::addArgumentValue);
            inScope(() -> scope.execute());
        } finally {
            close(database);
        }
    }

    private static String output(Database database, String changelog, String[] command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CommandScope scope = new CommandScope(command)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue("changelogFile", changelog)
                    .setOutput(out);
            inScope(() -> scope.execute());
        } finally {
            close(database);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    interface Action {
        void run() throws Exception;
    }

    /**
     * Runs a Liquibase command in a scope that records its log. The testkit's single-shard routing check is lifted
     * for it: a migration is DDL, Liquibase's own bookkeeping and data changes over every tenant at once (backfills,
     * distributing, isolating), never one tenant's statement.
     */
    static void inScope(Action action) throws Exception {
        RecordingLogService log = new RecordingLogService();
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.logService.name(), log);
        values.put(Scope.Attr.resourceAccessor.name(), resources());
        Exception[] failure = new Exception[1];
        try {
            RoutingCheck.allowMultiShard(() -> {
                try {
                    Scope.child(values, () -> action.run());
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
        } finally {
            lastLog = log.text();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void close(Database database) throws SQLException {
        try {
            database.close();
        } catch (Exception e) {
            throw new SQLException(e);
        }
    }

    /** The SQL of update-sql/future-rollback-sql output without comment lines and blank lines. */
    static String statementsOnly(String output) {
        StringBuilder sql = new StringBuilder();
        for (String line : output.split("\\R")) {
            if (!line.isBlank() && !line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        return sql.toString();
    }
}
