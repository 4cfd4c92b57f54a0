package io.citushibernate.liquibase;

import java.util.ArrayList;
import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/**
 * Drops the foreign keys first (they depend on the keys they reference), then the unique constraints and the primary
 * key, and adds everything back in the opposite order under the same names.
 */
public class AddTenantColumnToKeysGenerator extends CitusSqlGenerator<AddTenantColumnToKeysStatement> {

    @Override
    List<String> sql(AddTenantColumnToKeysStatement s, Database database) {
        String table = Citus.table(database, s.from.schema, s.from.table);
        List<String> sql = new ArrayList<>();
        for (TenantKeys.ForeignKey fk : s.from.foreignKeys) {
            sql.add("ALTER TABLE " + Citus.table(database, fk.schema, fk.table) + " DROP CONSTRAINT "
                    + database.escapeConstraintName(fk.name));
        }
        for (TenantKeys.Key uk : s.from.uniques) {
            sql.add("ALTER TABLE " + table + " DROP CONSTRAINT " + database.escapeConstraintName(uk.name));
        }
        if (s.from.primaryKey != null) {
            sql.add("ALTER TABLE " + table + " DROP CONSTRAINT " + database.escapeConstraintName(s.from.primaryKey.name));
        }
        if (s.to.primaryKey != null) {
            sql.add("ALTER TABLE " + table + " ADD CONSTRAINT " + database.escapeConstraintName(s.to.primaryKey.name)
                    + " PRIMARY KEY (" + Citus.columns(database, s.to.primaryKey.columns) + ")");
        }
        for (TenantKeys.Key uk : s.to.uniques) {
            sql.add("ALTER TABLE " + table + " ADD CONSTRAINT " + database.escapeConstraintName(uk.name)
                    + " UNIQUE (" + Citus.columns(database, uk.columns) + ")");
        }
        for (TenantKeys.ForeignKey fk : s.to.foreignKeys) {
            sql.add("ALTER TABLE " + Citus.table(database, fk.schema, fk.table) + " ADD CONSTRAINT "
                    + database.escapeConstraintName(fk.name) + " FOREIGN KEY (" + Citus.columns(database, fk.columns)
                    + ") REFERENCES " + Citus.table(database, fk.refSchema, fk.refTable) + " ("
                    + Citus.columns(database, fk.refColumns) + ")");
        }
        return sql;
    }

    @Override
    void check(AddTenantColumnToKeysStatement s, ValidationErrors errors) {
        errors.checkRequiredField("from", s.from);
        errors.checkRequiredField("to", s.to);
    }
}
