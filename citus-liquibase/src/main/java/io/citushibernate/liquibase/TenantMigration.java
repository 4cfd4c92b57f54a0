package io.citushibernate.liquibase;

import java.util.Objects;

/**
 * What a {@link TenantSchemaMigrations} run did in one tenant schema.
 *
 * @param schema the tenant schema, unquoted
 * @param outcome what happened there
 * @param changeSetsApplied changesets Liquibase recorded as run in this schema during the run (executed, re-run or
 *     marked ran), also for a {@link Outcome#FAILED} schema: those before the failing one stay applied
 * @param failure why the schema failed; {@code null} unless {@link Outcome#FAILED}
 */
public record TenantMigration(String schema, Outcome outcome, int changeSetsApplied, Exception failure) {

    /** The state a tenant schema is left in; every schema of a run has exactly one. */
    public enum Outcome {
        /** At least one changeset ran; the schema is up to date with the changelog. */
        APPLIED,
        /** Nothing to do: every changeset had already run in this schema. */
        UP_TO_DATE,
        /**
         * Liquibase failed in this schema. The changesets before the failing one stay applied; the failing
         * changeset's transaction was rolled back, as Liquibase always does.
         */
        FAILED,
        /** Not touched: an earlier schema failed and the run was told to {@code STOP}. */
        NOT_RUN
    }

    public TenantMigration {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure goes with the FAILED outcome, and only with it");
        }
    }

    /** Whether the schema ends up migrated (applied now or already up to date). */
    public boolean succeeded() {
        return outcome == Outcome.APPLIED || outcome == Outcome.UP_TO_DATE;
    }

    @Override
    public String toString() {
        return switch (outcome) {
            case APPLIED -> schema + ": applied " + changeSetsApplied + " changeset(s)";
            case UP_TO_DATE -> schema + ": already up to date";
            case FAILED -> schema + ": FAILED after " + changeSetsApplied + " changeset(s): " + failure.getMessage();
            case NOT_RUN -> schema + ": not run (an earlier schema failed)";
        };
    }
}
