package io.citushibernate.liquibase;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/** {@code SELECT citus_schema_distribute(...)} / {@code SELECT citus_schema_undistribute(...)}. */
public class SchemaDistributionGenerator extends CitusSqlGenerator<SchemaDistributionStatement> {

    @Override
    List<String> sql(SchemaDistributionStatement s, Database database) {
        return List.of("SELECT " + (s.distribute ? "citus_schema_distribute(" : "citus_schema_undistribute(")
                + Citus.literal(Citus.schema(database, s.schemaName)) + ")");
    }

    @Override
    void check(SchemaDistributionStatement s, ValidationErrors errors) {
        errors.checkRequiredField("schemaName", s.schemaName);
    }
}
