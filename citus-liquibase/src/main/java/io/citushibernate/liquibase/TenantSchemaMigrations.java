package io.citushibernate.liquibase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.citushibernate.citus.SqlQuoting;

import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.executor.ExecutorService;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Runs one Liquibase changelog in every tenant schema (schema-per-tenant), one schema after the other, and reports
 * each schema's outcome.
 *
 * <pre>{@code
 * TenantMigrationReport report = TenantSchemaMigrations.changelog("db/tenant-changelog.xml")
 *     .schemasMatching("tenant_.*")            // or .schemas(List.of(...)) or .distributedSchemas()
 *     .onFailure(TenantSchemaMigrations.OnFailure.CONTINUE)
 *     .run(dataSource);
 * report.throwIfUnsuccessful();
 * }</pre>
 *
 * <p>In each schema Liquibase works as with {@code --default-schema-name}: its default schema and its own
 * {@code DATABASECHANGELOG}/{@code DATABASECHANGELOGLOCK} are that schema's, so a re-run applies only what the schema
 * lacks, and {@code search_path} is that schema alone while the changelog runs (raw SQL naming a table without a
 * schema reaches the tenant's table or fails; it never falls through to a shared table of the same name). The
 * connection's {@code search_path} and auto-commit are put back afterwards.
 *
 * <p>Schema names must be lower-case letters, digits, {@code _} and {@code -} starting with a letter or {@code _},
 * not {@code pg_}-prefixed, at most 63 bytes (the names citus-hibernate's schema mode gives tenants); they are
 * always written quoted.
 */
public final class TenantSchemaMigrations {

    /** What the run does after a schema fails. */
    public enum OnFailure {
        /** Migrate no further schema; the remaining ones are reported {@link TenantMigration.Outcome#NOT_RUN}. */
        STOP,
        /** Go on with the next schema. */
        CONTINUE
    }


    /** Where the schemas of a run come from, read when the run starts. */
    @FunctionalInterface
    private interface SchemaSource {
        List<String> schemas(Connection connection) throws SQLException;
    }

    private final String changelog;
    private SchemaSource schemas;
    private OnFailure onFailure = OnFailure.STOP;
    private ResourceAccessor resourceAccessor;
    private String contexts;
    private String labelFilter;

    private TenantSchemaMigrations(String changelog) {
        this.changelog = changelog;
    }

    /** A run of {@code changelog} (a path the resource accessor finds; by default on the class path). */
    public static TenantSchemaMigrations changelog(String changelog) {
        if (changelog == null || changelog.isBlank()) {
            throw new IllegalArgumentException("TenantSchemaMigrations needs a changelog path, e.g. "
                    + "\"db/tenant-changelog.xml\"");
        }
        return new TenantSchemaMigrations(changelog);
    }

    /** Migrate exactly these schemas, in this order. */
    public TenantSchemaMigrations schemas(List<String> schemaNames) {
        List<String> names = List.copyOf(Objects.requireNonNull(schemaNames, "schemaNames"));
        names.forEach(TenantSchemaMigrations::checkedSchemaName);
        this.schemas = connection -> names;
        return this;
    }

    /**
     * Migrate the schemas of the database whose whole name matches the regular expression {@code regex} (e.g.
     * {@code tenant_.*}), in name order; listed when the run starts. PostgreSQL's own schemas ({@code pg_*},
     * {@code information_schema}) are never listed.
     */
    public TenantSchemaMigrations schemasMatching(String regex) {
        Pattern pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
        this.schemas = connection -> namesFrom(connection, "select nspname::text from pg_catalog.pg_namespace"
                + " where nspname not like 'pg\\_%' and nspname <> 'information_schema' order by 1").stream()
                .filter(name -> pattern.matcher(name).matches()).toList();
        return this;
    }

    /**
     * Migrate the distributed schemas Citus records ({@code pg_dist_schema}, Citus 12+), in name order. The
     * catalog table, not the {@code citus_schemas} view: the view lives in {@code public} or {@code pg_catalog}
     * depending on the database, and {@code public} need not be on the search path.
     */
    public TenantSchemaMigrations distributedSchemas() {
        this.schemas = connection -> {
            if (namesFrom(connection, "select 'citus' from pg_catalog.pg_extension where extname = 'citus'")
                    .isEmpty()) {
                throw new IllegalStateException("TenantSchemaMigrations.distributedSchemas() lists Citus' distributed"
                        + " schemas, but the citus extension is not installed in this database; name the schemas"
                        + " with schemas(...) or schemasMatching(...)");
            }
            return namesFrom(connection, "select n.nspname::text from pg_catalog.pg_dist_schema s"
                    + " join pg_catalog.pg_namespace n on n.oid = s.schemaid order by 1");
        };
        return this;
    }

    /** {@link OnFailure#STOP} (default) or {@link OnFailure#CONTINUE} after a schema fails. */
    public TenantSchemaMigrations onFailure(OnFailure onFailure) {
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        return this;
    }

    /** Where the changelog and the files it includes are read; default the context class loader. */
    public TenantSchemaMigrations resourceAccessor(ResourceAccessor resourceAccessor) {
        this.resourceAccessor = Objects.requireNonNull(resourceAccessor, "resourceAccessor");
        return this;
    }

    /** Liquibase contexts of the run (as {@code --contexts}). */
    public TenantSchemaMigrations contexts(String contexts) {
        this.contexts = contexts;
        return this;
    }

    /** Liquibase label filter of the run (as {@code --label-filter}). */
    public TenantSchemaMigrations labelFilter(String labelFilter) {
        this.labelFilter = labelFilter;
        return this;
    }

    /**
     * Migrates every schema, each on a connection of its own from {@code dataSource} (closed afterwards, with its
     * {@code search_path} and auto-commit as they were).
     *
     * @throws IllegalStateException when no schemas were chosen, or listing them fails (nothing has run then)
     */
    public TenantMigrationReport run(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        List<String> names;
        try (Connection connection = dataSource.getConnection()) {
            names = schemaNames(connection);
        } catch (SQLException e) {
            throw listingFailed(e);
        }
        return run(names, (schema, listener) -> {
            try (Connection connection = dataSource.getConnection()) {
                migrate(connection, schema, listener);
            }
        });
    }

    /**
     * Migrates every schema on {@code connection}, which stays open, with its {@code search_path} and auto-commit as
     * they were.
     *
     * @throws IllegalStateException when no schemas were chosen, or listing them fails (nothing has run then)
     */
    public TenantMigrationReport run(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        List<String> names;
        try {
            names = schemaNames(connection);
        } catch (SQLException e) {
            throw listingFailed(e);
        }
        return run(names, (schema, listener) -> migrate(connection, schema, listener));
    }

    @FunctionalInterface
    private interface SchemaMigration {
        void migrate(String schema, ChangeSetCounter listener) throws Exception;
    }

    private TenantMigrationReport run(List<String> names, SchemaMigration migration) {
        List<TenantMigration> outcomes = new ArrayList<>();
        boolean stopped = false;
        for (String schema : names) {
            if (stopped) {
                outcomes.add(new TenantMigration(schema, TenantMigration.Outcome.NOT_RUN, 0, null));
                continue;
            }
            ChangeSetCounter applied = new ChangeSetCounter();
            try {
                migration.migrate(schema, applied);
                outcomes.add(new TenantMigration(schema, applied.count == 0 ? TenantMigration.Outcome.UP_TO_DATE
                        : TenantMigration.Outcome.APPLIED, applied.count, null));
            } catch (Exception e) {
                outcomes.add(new TenantMigration(schema, TenantMigration.Outcome.FAILED, applied.count, e));
                stopped = onFailure == OnFailure.STOP;
            }
        }
        return new TenantMigrationReport(outcomes);
    }

    /** Counts the changesets Liquibase records as run (executed, re-run, marked ran) in one schema. */
    private static final class ChangeSetCounter extends AbstractChangeExecListener {
        int count;

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database,
                ChangeSet.ExecType execType) {
            if (execType.ran) {
                count++;
            }
        }
    }

    /** Runs the changelog in {@code schema} on {@code connection}, leaving the connection's session as it was. */
    private void migrate(Connection connection, String schema, ChangeSetCounter listener) throws Exception {
        boolean autoCommit = connection.getAutoCommit();
        String searchPath = currentSearchPath(connection);
        Exception failure = null;
        try {
            setSearchPath(connection, SqlQuoting.identifier(schema));
            update(connection, schema, listener);
            keepMovable(connection, schema);
        } catch (Exception e) {
            failure = e;
        } finally {
            failure = restore(connection, autoCommit, searchPath, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void update(Connection connection, String schema, ChangeSetCounter listener) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        try {
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            CommandScope update = new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                    .addArgumentValue(UpdateCommandStep.LABEL_FILTER_ARG, labelFilter)
                    .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener);
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), resourceAccessor != null ? resourceAccessor
                    : new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader()));
            Scope.child(scope, () -> update.execute());
        } finally {
            // what Database.close() does, without closing the connection: it is the caller's (or goes back to the
            // pool). Liquibase keys its executors by connection, so the next schema on this connection must not find
            // this one's; the update command resets its lock and history services itself.
            Scope.getCurrentScope().getSingleton(ExecutorService.class).clearExecutor("jdbc", database);
        }
    }

    /**
     * Gives the schema's {@code DATABASECHANGELOG}, which Liquibase creates without a primary key, a replica identity
     * ({@code REPLICA IDENTITY FULL}). On Citus a tenant schema is moved ({@code citus_schema_move}) by logical
     * replication by default, which refuses a table with neither; without this every migrated tenant could only be
     * moved with {@code block_writes}. On plain PostgreSQL it only changes what is logged for the history's rare
     * updates and deletes.
     */
    private static void keepMovable(Connection connection, String schema) throws SQLException {
        String history = SqlQuoting.identifier(schema) + ".databasechangelog";
        boolean needsIdentity;
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.relreplident = 'd' AND NOT EXISTS"
                + " (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)"
                + " FROM pg_class c WHERE c.oid = to_regclass(?)")) {
            ps.setString(1, history);
            try (ResultSet rs = ps.executeQuery()) {
                needsIdentity = rs.next() && rs.getBoolean(1);
            }
        }
        if (needsIdentity) {
            try (Statement s = connection.createStatement()) {
                s.execute("ALTER TABLE " + history + " REPLICA IDENTITY FULL");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /**
     * Ends whatever Liquibase left open (its failed changeset is rolled back already), then puts back auto-commit and
     * {@code search_path}; a failure doing so is the schema's failure unless it already has one.
     */
    private static Exception restore(Connection connection, boolean autoCommit, String searchPath,
            Exception failure) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
            setSearchPath(connection, searchPath);
            return failure;
        } catch (SQLException e) {
            if (failure == null) {
                return new IllegalStateException("The changelog ran, but the connection's search_path or auto-commit"
                        + " could not be put back; do not reuse this connection", e);
            }
            failure.addSuppressed(e);
            return failure;
        }
    }

    private static String currentSearchPath(Connection connection) throws SQLException {
        return namesFrom(connection, "select pg_catalog.current_setting('search_path')").get(0);
    }

    /** Sets {@code search_path} for the session (committed, whatever the connection's auto-commit). */
    private static void setSearchPath(Connection connection, String searchPath) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "select pg_catalog.set_config('search_path', ?, false)")) {
            set.setString(1, searchPath);
            set.execute();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private List<String> schemaNames(Connection connection) throws SQLException {
        if (schemas == null) {
            throw new IllegalStateException("TenantSchemaMigrations for " + changelog + " has no schemas: call"
                    + " schemas(...), schemasMatching(...) or distributedSchemas() before run(...)");
        }
        List<String> names = new ArrayList<>(new LinkedHashSet<>(schemas.schemas(connection)));
        names.forEach(TenantSchemaMigrations::checkedSchemaName);
        return names;
    }

    private static IllegalStateException listingFailed(SQLException e) {
        return new IllegalStateException("Could not list the tenant schemas to migrate (nothing has run): "
                + e.getMessage(), e);
    }

    private static List<String> namesFrom(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    /** {@code name}, when it is a tenant schema name that reads the same quoted; otherwise a message naming the fix. */
    static String checkedSchemaName(String name) {
        String problem = SqlQuoting.tenantSchemaNameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException("TenantSchemaMigrations cannot migrate the schema " + problem
                    + "; name tenant schemas as citus-hibernate's schema mode does (e.g. tenant_42)");
        }
        return name;
    }
}
