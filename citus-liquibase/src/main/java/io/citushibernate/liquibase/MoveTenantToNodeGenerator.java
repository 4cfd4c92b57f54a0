package io.citushibernate.liquibase;

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
        String host = Citus.literal(s.targetHost);
        return List.of("SELECT citus_move_shard_placement(p.shardid, n.nodename, n.nodeport, " + host + ", "
                + s.targetPort + ", shard_transfer_mode => '" + s.transferMode.sql + "')"
                + " FROM pg_dist_placement p JOIN pg_dist_node n ON n.groupid = p.groupid AND n.noderole = 'primary'"
                + " WHERE p.shardid = get_shard_id_for_distribution_column("
                + Citus.regclass(database, s.schemaName, s.tableName) + ", " + s.tenant.toSql() + ")"
                + " AND NOT (n.nodename = " + host + " AND n.nodeport = " + s.targetPort + ")");
    }

    @Override
    void check(MoveTenantToNodeStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
        errors.checkRequiredField("tenantValue", s.tenant);
        errors.checkRequiredField("targetHost", s.targetHost);
        if (s.targetPort < 1 || s.targetPort > 65535) {
            errors.addError("targetPort " + s.targetPort + " is not a TCP port (1-65535)");
        }
    }
}
