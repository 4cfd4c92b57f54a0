package io.citushibernate.liquibase;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

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

    static Database database(String url) throws Exception {
        Connection connection = Pg.connect(url);
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

    static void update(String url, String changelog) throws Exception {
        run(url, changelog, UpdateCommandStep.COMMAND_NAME, Map.of());
    }

    static void rollbackCount(String url, String changelog, int count) throws Exception {
        run(url, changelog, RollbackCountCommandStep.COMMAND_NAME, Map.of("count", count));
    }

    static String updateSql(Database database, String changelog) throws Exception {
        return output(database, changelog, UpdateSqlCommandStep.COMMAND_NAME);
    }

    static String futureRollbackSql(Database database, String changelog) throws Exception {
        return output(database, changelog, FutureRollbackSqlCommandStep.COMMAND_NAME);
    }

    private static void run(String url, String changelog, String[] command, Map<String, Object> arguments)
            throws Exception {
        Database database = database(url);
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

    static void inScope(Action action) throws Exception {
        RecordingLogService log = new RecordingLogService();
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.logService.name(), log);
        values.put(Scope.Attr.resourceAccessor.name(), resources());
        try {
            Scope.child(values, () -> action.run());
        } finally {
            lastLog = log.text();
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
