package io.citushibernate.liquibase;

import io.citushibernate.citus.CitusSql;

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
            sql.add(CitusSql.dropConstraint(Citus.table(database, fk.schema, fk.table),
                    database.escapeConstraintName(fk.name)));
        }
        for (TenantKeys.Key uk : s.from.uniques) {
            sql.add(CitusSql.dropConstraint(table, database.escapeConstraintName(uk.name)));
        }
        if (s.from.primaryKey != null) {
            sql.add(CitusSql.dropConstraint(table, database.escapeConstraintName(s.from.primaryKey.name)));
        }
        if (s.to.primaryKey != null) {
            sql.add(CitusSql.addKey(table, database.escapeConstraintName(s.to.primaryKey.name),
                    CitusSql.Key.PRIMARY_KEY, Citus.columns(database, s.to.primaryKey.columns)));
        }
        for (TenantKeys.Key uk : s.to.uniques) {
            sql.add(CitusSql.addKey(table, database.escapeConstraintName(uk.name), CitusSql.Key.UNIQUE,
                    Citus.columns(database, uk.columns)));
        }
        for (TenantKeys.ForeignKey fk : s.to.foreignKeys) {
            sql.add(CitusSql.addForeignKey(Citus.table(database, fk.schema, fk.table),
                    database.escapeConstraintName(fk.name), Citus.columns(database, fk.columns),
                    Citus.table(database, fk.refSchema, fk.refTable), Citus.columns(database, fk.refColumns)));
        }
        return sql;
    }

    @Override
    void check(AddTenantColumnToKeysStatement s, ValidationErrors errors) {
        errors.checkRequiredField("from", s.from);
        errors.checkRequiredField("to", s.to);
    }
}
