package io.citushibernate.liquibase;

import liquibase.statement.AbstractSqlStatement;

/** Replaces the keys in {@code from} by those in {@code to} (same names); a rollback swaps the two. */
final class AddTenantColumnToKeysStatement extends AbstractSqlStatement {
    final TenantKeys from;
    final TenantKeys to;

    AddTenantColumnToKeysStatement(TenantKeys from, TenantKeys to) {
        this.from = from;
        this.to = to;
    }
}
