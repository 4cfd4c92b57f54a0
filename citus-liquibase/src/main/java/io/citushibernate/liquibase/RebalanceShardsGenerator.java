package io.citushibernate.liquibase;

import io.citushibernate.citus.CitusSql;

import java.util.ArrayList;
import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/** {@code SELECT citus_rebalance_start(...)}, then {@code SELECT citus_rebalance_wait()} when asked to wait. */
public class RebalanceShardsGenerator extends CitusSqlGenerator<RebalanceShardsStatement> {

    @Override
    List<String> sql(RebalanceShardsStatement s, Database database) {
        List<String> sql = new ArrayList<>();
        sql.add("SELECT " + CitusSql.rebalanceStart(Citus.blank(s.rebalanceStrategy) ? null : s.rebalanceStrategy,
                s.transferMode));
        if (s.waitForCompletion) {
            sql.add("SELECT " + CitusSql.REBALANCE_WAIT);
        }
        return sql;
    }

    @Override
    void check(RebalanceShardsStatement s, ValidationErrors errors) {
        // every argument is optional
    }
}
