package io.citushibernate.liquibase;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/** {@code SELECT isolate_tenant_to_new_shard(...)}. */
public class IsolateTenantToNewShardGenerator extends CitusSqlGenerator<IsolateTenantToNewShardStatement> {

    @Override
    List<String> sql(IsolateTenantToNewShardStatement s, Database database) {
        StringBuilder sql = new StringBuilder("SELECT isolate_tenant_to_new_shard(")
                .append(Citus.regclass(database, s.schemaName, s.tableName)).append(", ").append(s.tenant.toSql());
        if (s.cascade) {
            sql.append(", cascade_option => 'CASCADE'");
        }
        sql.append(", shard_transfer_mode => '").append(s.transferMode.sql).append("')");
        return List.of(sql.toString());
    }

    @Override
    void check(IsolateTenantToNewShardStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
        errors.checkRequiredField("tenantValue", s.tenant);
        errors.checkRequiredField("shardTransferMode", s.transferMode);
    }
}
