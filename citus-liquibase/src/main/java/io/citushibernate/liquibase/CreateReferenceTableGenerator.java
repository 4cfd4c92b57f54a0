package io.citushibernate.liquibase;

import io.citushibernate.citus.CitusSql;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/** {@code SELECT create_reference_table(...)}. */
public class CreateReferenceTableGenerator extends CitusSqlGenerator<CreateReferenceTableStatement> {

    @Override
    List<String> sql(CreateReferenceTableStatement s, Database database) {
        return List.of("SELECT " + CitusSql.createReferenceTable(s.table(database)));
    }

    @Override
    void check(CreateReferenceTableStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
    }
}
