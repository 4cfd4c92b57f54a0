package io.citushibernate.liquibase;

import liquibase.exception.ValidationErrors;

/** {@code <citus:citusInstalled/>}: the citus extension is installed in the database. */
public class CitusInstalledPrecondition extends CitusPrecondition {

    @Override
    public String getName() {
        return "citusInstalled";
    }

    @Override
    void check(Catalog catalog, Failure failure) {
        // the base class already failed when Citus is missing
    }

    @Override
    void checkAttributes(ValidationErrors errors) {
        // no attributes
    }
}
