package io.citushibernate.liquibase;

import io.citushibernate.citus.CitusSql;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/** {@code SELECT isolate_tenant_to_new_shard(...)}. */
public class IsolateTenantToNewShardGenerator extends CitusSqlGenerator<IsolateTenantToNewShardStatement> {

    @Override
    List<String> sql(IsolateTenantToNewShardStatement s, Database database) {
        return List.of("SELECT " + CitusSql.isolateTenantToNewShard(s.table(database), s.tenant.toSql(), s.cascade,
                s.transferMode));
    }

    @Override
    void check(IsolateTenantToNewShardStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
        errors.checkRequiredField("tenantValue", s.tenant);
        errors.checkRequiredField("shardTransferMode", s.transferMode);
    }
}
