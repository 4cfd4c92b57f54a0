package io.citushibernate.liquibase;

import io.citushibernate.citus.CitusSql;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/**
 * Finds the tenant's shard with {@code get_shard_id_for_distribution_column} and its current node in
 * pg_dist_placement/pg_dist_node, then moves it with {@code citus_move_shard_placement}. A shard already on the
 * target node matches no row, so a repeated run moves nothing instead of failing.
 */
public class MoveTenantToNodeGenerator extends CitusSqlGenerator<MoveTenantToNodeStatement> {

    @Override
    List<String> sql(MoveTenantToNodeStatement s, Database database) {
        return List.of(CitusSql.moveTenantToNode(s.table(database), s.tenant.toSql(), s.targetHost, s.targetPort,
                s.transferMode));
    }

    @Override
    void check(MoveTenantToNodeStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
        errors.checkRequiredField("tenantValue", s.tenant);
        errors.checkRequiredField("targetHost", s.targetHost);
        Citus.checkTargetPort(s.targetPort, errors);
    }
}
