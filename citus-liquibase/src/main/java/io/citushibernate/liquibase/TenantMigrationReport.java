package io.citushibernate.liquibase;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The result of a {@link TenantSchemaMigrations} run: one {@link TenantMigration} per schema of the run, in the order
 * they were migrated, so no schema is ever left in an unknown state.
 */
public final class TenantMigrationReport {

    private final List<TenantMigration> tenants;

    TenantMigrationReport(List<TenantMigration> tenants) {
        this.tenants = List.copyOf(tenants);
    }

    /** Every schema of the run, in run order. */
    public List<TenantMigration> tenants() {
        return tenants;
    }

    /** The outcome for {@code schema}. */
    public TenantMigration tenant(String schema) {
        return tenants.stream().filter(t -> t.schema().equals(schema)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("schema " + schema + " was not part of this run; it had "
                        + tenants.stream().map(TenantMigration::schema).collect(Collectors.joining(", "))));
    }

    /** Whether every schema is migrated: none failed and none was left not run. */
    public boolean succeeded() {
        return tenants.stream().allMatch(TenantMigration::succeeded);
    }

    /** The schemas that are not migrated: failed or not run. */
    public List<TenantMigration> unsuccessful() {
        return tenants.stream().filter(t -> !t.succeeded()).toList();
    }

    /**
     * This report, or a {@link TenantMigrationException} listing every schema's outcome when one is not migrated
     * (the first failure as its cause).
     */
    public TenantMigrationReport throwIfUnsuccessful() {
        if (!succeeded()) {
            throw new TenantMigrationException(this);
        }
        return this;
    }

    /** One line per schema, e.g. {@code tenant_2: FAILED after 1 changeset(s): …}. */
    @Override
    public String toString() {
        return tenants.stream().map(TenantMigration::toString).collect(Collectors.joining("\n"));
    }
}
