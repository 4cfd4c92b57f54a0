package io.citushibernate.liquibase;

import java.util.Optional;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.database.Database;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.exception.ValidationErrors;
import liquibase.exception.Warnings;
import liquibase.precondition.AbstractPrecondition;

/** Base of the citus preconditions: they read the catalog of a live connection and fail when Citus is missing. */
abstract class CitusPrecondition extends AbstractPrecondition {

    /** Throws PreconditionFailedException with the reason when the condition does not hold. */
    abstract void check(Catalog catalog, Failure failure) throws PreconditionFailedException;

    /** Attribute checks. */
    abstract void checkAttributes(ValidationErrors errors);

    /** Builds the failure exception for this precondition and changelog. */
    static final class Failure {
        private final DatabaseChangeLog changeLog;
        private final CitusPrecondition precondition;

        Failure(DatabaseChangeLog changeLog, CitusPrecondition precondition) {
            this.changeLog = changeLog;
            this.precondition = precondition;
        }

        PreconditionFailedException because(String reason) {
            return new PreconditionFailedException(reason, changeLog, precondition);
        }
    }

    @Override
    public void check(Database database, DatabaseChangeLog changeLog, ChangeSet changeSet,
            ChangeExecListener changeExecListener) throws PreconditionFailedException, PreconditionErrorException {
        Optional<Catalog> catalog = Catalog.of(database);
        if (catalog.isEmpty()) {
            throw new PreconditionErrorException(new UnsupportedOperationException(getName()
                    + " needs a live database connection"), changeLog, this);
        }
        Failure failure = new Failure(changeLog, this);
        try {
            if (!catalog.get().citusInstalled()) {
                throw failure.because("the citus extension is not installed");
            }
            check(catalog.get(), failure);
        } catch (UnexpectedLiquibaseException e) {
            throw new PreconditionErrorException(e, changeLog, this);
        }
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = new ValidationErrors(this);
        checkAttributes(errors);
        return errors;
    }

    @Override
    public Warnings warn(Database database) {
        return new Warnings();
    }

    @Override
    public String getSerializedObjectNamespace() {
        return Citus.NAMESPACE;
    }
}
