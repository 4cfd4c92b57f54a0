package io.citushibernate.liquibase;

import java.util.ArrayList;
import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/** {@code SELECT citus_rebalance_start(...)}, then {@code SELECT citus_rebalance_wait()} when asked to wait. */
public class RebalanceShardsGenerator extends CitusSqlGenerator<RebalanceShardsStatement> {

    @Override
    List<String> sql(RebalanceShardsStatement s, Database database) {
        List<String> arguments = new ArrayList<>();
        if (!Citus.blank(s.rebalanceStrategy)) {
            arguments.add("rebalance_strategy => " + Citus.literal(s.rebalanceStrategy));
        }
        if (s.transferMode != null) {
            arguments.add("shard_transfer_mode => '" + s.transferMode.sql + "'");
        }
        List<String> sql = new ArrayList<>();
        sql.add("SELECT citus_rebalance_start(" + String.join(", ", arguments) + ")");
        if (s.waitForCompletion) {
            sql.add("SELECT citus_rebalance_wait()");
        }
        return sql;
    }

    @Override
    void check(RebalanceShardsStatement s, ValidationErrors errors) {
        // every argument is optional
    }
}
