package io.citushibernate.liquibase;

import io.citushibernate.citus.CitusSql;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/**
 * {@code SELECT citus_schema_move(...)} guarded by the schema's shard placements: a schema whose tables are all on the
 * target node already matches no row, so a repeated run moves nothing instead of failing.
 */
public class MoveSchemaGenerator extends CitusSqlGenerator<MoveSchemaStatement> {

    @Override
    List<String> sql(MoveSchemaStatement s, Database database) {
        return List.of(CitusSql.moveSchemaToNode(Citus.schema(database, s.schemaName), s.targetHost, s.targetPort,
                s.transferMode));
    }

    @Override
    void check(MoveSchemaStatement s, ValidationErrors errors) {
        errors.checkRequiredField("schemaName", s.schemaName);
        errors.checkRequiredField("targetHost", s.targetHost);
        Citus.checkTargetPort(s.targetPort, errors);
    }
}
