package io.citushibernate.liquibase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import liquibase.Scope;
import liquibase.change.AbstractChange;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.DatabaseException;
import liquibase.exception.RollbackImpossibleException;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.exception.ValidationErrors;
import liquibase.exception.Warnings;
import liquibase.executor.Executor;
import liquibase.executor.ExecutorService;
import liquibase.executor.LoggingExecutor;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import liquibase.structure.DatabaseObject;

/**
 * Common behaviour of the citus-liquibase change types: the skip/fail decision when Citus is missing, attribute and
 * catalog validation, the transaction-block check and rollback messages.
 */
abstract class CitusChange extends AbstractChange {

    /** Skip reasons are reported once per change object, although Liquibase generates statements several times. */
    private boolean skipReported;

    /** True for Citus operations; false for the plain PostgreSQL migration helpers, which always run. */
    abstract boolean needsCitus();

    /** True when the change alters columns or constraints (so later catalog checks cannot trust the catalog). */
    boolean altersSchema() {
        return false;
    }

    /** Attribute checks that need no database. */
    abstract void checkAttributes(ValidationErrors errors);

    /** Checks against the catalog the change is about to run on; each problem names the object and the fix. */
    void checkCatalog(Catalog catalog, List<String> problems) {
    }

    /** Non-null when the change, as configured, runs a Citus function that refuses a transaction block. */
    String needsNoTransaction() {
        return null;
    }

    /** The statements, assuming Citus is present and the attributes are valid. */
    abstract SqlStatement[] statements(Database database);

    /** Why this change has no automatic rollback; only called when {@link #createInverses()} returns null. */
    String noRollbackReason() {
        return "Citus cannot undo this operation automatically";
    }

    final String changeName() {
        return Scope.getCurrentScope().getSingleton(ChangeFactory.class).getChangeMetaData(this).getName();
    }

    private String inChangeSet() {
        return getChangeSet() == null ? "" : " in changeset " + getChangeSet().toString(false);
    }

    @Override
    public final SqlStatement[] generateStatements(Database database) {
        Optional<Catalog> catalog = Catalog.of(database);
        if (catalog.isPresent() && shouldExecuteChange(database)) {
            // Validation may have run before earlier changesets shaped the schema; check again right before running.
            List<String> problems = new ArrayList<>();
            checkCatalog(catalog.get(), problems);
            if (!problems.isEmpty()) {
                throw new UnexpectedLiquibaseException("Validation failed for " + changeName() + inChangeSet() + ": "
                        + String.join("; ", problems));
            }
        }
        if (needsCitus() && catalog.isPresent() && !catalog.get().citusInstalled()) {
            Citus.WhenMissing mode = Citus.whenMissing(getChangeSet());
            if (mode == Citus.WhenMissing.FAIL) {
                throw new UnexpectedLiquibaseException(missingMessage());
            }
            reportSkip(database);
            return new SqlStatement[0];
        }
        return statements(database);
    }

    private String missingMessage() {
        return changeName() + inChangeSet() + " needs Citus, but the citus extension is not installed"
                + " in this database and " + Citus.WHEN_MISSING_PROPERTY + "=fail. Run CREATE EXTENSION citus"
                + " (on a server with Citus), or set " + Citus.WHEN_MISSING_PROPERTY + "=skip to skip Citus changes"
                + " on plain PostgreSQL.";
    }

    private void reportSkip(Database database) {
        Boolean shouldExecute = Scope.getCurrentScope().get(Change.SHOULD_EXECUTE, Boolean.class);
        if (Boolean.FALSE.equals(shouldExecute) || skipReported) {
            return; // Liquibase pre-renders statements for its log context; report on the real run only
        }
        skipReported = true;
        String reason = "citus-liquibase: skipped " + changeName() + inChangeSet()
                + ": the citus extension is not installed (" + Citus.WHEN_MISSING_PROPERTY + "=skip)";
        Scope.getCurrentScope().getLog(getClass()).info(reason);
        Executor executor = Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database);
        if (executor instanceof LoggingExecutor) {
            try {
                executor.comment(reason);
            } catch (DatabaseException e) {
                throw new UnexpectedLiquibaseException(e);
            }
        }
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = new ValidationErrors(this);
        checkAttributes(errors);
        if (errors.hasErrors()) {
            return errors;
        }
        ChangeSet changeSet = getChangeSet();
        Citus.WhenMissing mode = Citus.whenMissing(changeSet);
        if (mode == null) {
            Citus.Setting setting = Citus.whenMissingSetting(changeSet);
            errors.addError(setting.name() + " is '" + setting.value() + "'; use skip or fail");
        }
        String noTransaction = needsNoTransaction();
        if (noTransaction != null && changeSet != null && changeSet.isRunInTransaction()) {
            errors.addError(changeName() + " " + noTransaction + ", which Citus cannot run inside a transaction"
                    + " block: set runInTransaction=\"false\" on changeset " + changeSet.toString(false)
                    + " (or shardTransferMode=\"block_writes\")");
        }
        Optional<Catalog> catalog = Catalog.of(database);
        if (catalog.isPresent()) {
            if (needsCitus() && mode == Citus.WhenMissing.FAIL && !catalog.get().citusAvailable()) {
                errors.addError(missingMessage());
            }
            if (catalogIsCurrent(database)) {
                List<String> problems = new ArrayList<>();
                checkCatalog(catalog.get(), problems);
                problems.forEach(errors::addError);
            }
        }
        if (!errors.hasErrors()) {
            for (SqlStatement statement : statements(database)) {
                errors.addAll(SqlGeneratorFactory.getInstance().validate(statement, database));
            }
        }
        return errors;
    }

    /**
     * Liquibase validates every pending changeset before running the first one, so the catalog only shows what this
     * change will find when nothing that could reshape the schema is still pending before it. Otherwise the same
     * checks run right before the change executes.
     */
    private boolean catalogIsCurrent(Database database) {
        ChangeSet changeSet = getChangeSet();
        if (changeSet == null) {
            return true;
        }
        for (Change earlier : changeSet.getChanges()) {
            if (earlier == this) {
                break;
            }
            if (reshapes(earlier)) {
                return false;
            }
        }
        DatabaseChangeLog root = Scope.getCurrentScope().get(Scope.Attr.databaseChangeLog.name(), DatabaseChangeLog.class);
        if (root == null) {
            root = changeSet.getChangeLog();
        }
        if (root == null) {
            return true;
        }
        List<RanChangeSet> ran;
        try {
            ran = Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                    .getChangeLogService(database).getRanChangeSets();
        } catch (DatabaseException | RuntimeException e) {
            return false;
        }
        for (ChangeSet other : root.getChangeSets()) {
            if (other == changeSet) {
                return true;
            }
            if (ran.stream().anyMatch(r -> r.isSameAs(other))) {
                continue;
            }
            for (Change change : other.getChanges()) {
                if (reshapes(change)) {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean reshapes(Change change) {
        return !(change instanceof CitusChange) || ((CitusChange) change).altersSchema();
    }

    /** Inverses inherit the changeset so that they see the same skip/fail setting. */
    final <T extends CitusChange> T inverse(T change) {
        change.setChangeSet(getChangeSet());
        return change;
    }

    @Override
    public SqlStatement[] generateRollbackStatements(Database database) throws RollbackImpossibleException {
        if (createInverses() == null) {
            throw new RollbackImpossibleException(changeName() + inChangeSet() + " has no automatic rollback: "
                    + noRollbackReason() + ". Write a <rollback> block for the changeset (or <rollback/> for none).");
        }
        return super.generateRollbackStatements(database);
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof PostgresDatabase;
    }

    @Override
    public Warnings warn(Database database) {
        return new Warnings();
    }

    // Statements depend on the database state (Citus present or not) but are the same for a given state; reporting
    // them as volatile would make update-sql print a "may change" warning instead of exact SQL.
    @Override
    public boolean generateStatementsVolatile(Database database) {
        return false;
    }

    @Override
    public boolean generateRollbackStatementsVolatile(Database database) {
        return false;
    }

    @Override
    public Set<DatabaseObject> getAffectedDatabaseObjects(Database database) {
        return Collections.emptySet();
    }

    @Override
    public String getSerializedObjectNamespace() {
        return Citus.NAMESPACE;
    }
}
