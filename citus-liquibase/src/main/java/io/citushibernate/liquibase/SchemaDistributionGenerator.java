package io.citushibernate.liquibase;

import io.citushibernate.citus.CitusSql;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/** {@code SELECT citus_schema_distribute(...)} / {@code SELECT citus_schema_undistribute(...)}. */
public class SchemaDistributionGenerator extends CitusSqlGenerator<SchemaDistributionStatement> {

    @Override
    List<String> sql(SchemaDistributionStatement s, Database database) {
        String schema = Citus.schema(database, s.schemaName);
        return List.of("SELECT " + (s.distribute ? CitusSql.schemaDistribute(schema) : CitusSql.schemaUndistribute(schema)));
    }

    @Override
    void check(SchemaDistributionStatement s, ValidationErrors errors) {
        errors.checkRequiredField("schemaName", s.schemaName);
    }
}
