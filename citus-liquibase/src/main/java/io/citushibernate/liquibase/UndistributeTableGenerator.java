package io.citushibernate.liquibase;

import io.citushibernate.citus.SqlQuoting;

import io.citushibernate.citus.CitusSql;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/** {@code SELECT undistribute_table(...)}. */
public class UndistributeTableGenerator extends CitusSqlGenerator<UndistributeTableStatement> {

    @Override
    List<String> sql(UndistributeTableStatement s, Database database) {
        String table = s.table(database);
        String sql = "SELECT " + CitusSql.undistributeTable(table, s.cascadeViaForeignKeys);
        if (s.onlyIfDistributed) {
            sql += " WHERE EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = " + SqlQuoting.literal(table)
                    + "::regclass)";
        }
        return List.of(sql);
    }

    @Override
    void check(UndistributeTableStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
    }
}
