package io.citushibernate.liquibase;

/** A {@link TenantSchemaMigrations} run left at least one schema failed or not run; the report says which. */
public final class TenantMigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TenantMigrationReport report;

    TenantMigrationException(TenantMigrationReport report) {
        super("Migrating the tenant schemas did not complete; every schema's state:\n" + report,
                report.unsuccessful().stream().map(TenantMigration::failure).filter(f -> f != null).findFirst()
                        .orElse(null));
        this.report = report;
    }

    /** Every schema's outcome. */
    public TenantMigrationReport report() {
        return report;
    }
}
