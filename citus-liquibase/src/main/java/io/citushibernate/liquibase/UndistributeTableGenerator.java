package io.citushibernate.liquibase;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/** {@code SELECT undistribute_table(...)}. */
public class UndistributeTableGenerator extends CitusSqlGenerator<UndistributeTableStatement> {

    @Override
    List<String> sql(UndistributeTableStatement s, Database database) {
        String table = Citus.regclass(database, s.schemaName, s.tableName);
        StringBuilder sql = new StringBuilder("SELECT undistribute_table(").append(table);
        if (s.cascadeViaForeignKeys) {
            sql.append(", cascade_via_foreign_keys => true");
        }
        sql.append(")");
        if (s.onlyIfDistributed) {
            sql.append(" WHERE EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = ")
                    .append(table).append("::regclass)");
        }
        return List.of(sql.toString());
    }

    @Override
    void check(UndistributeTableStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
    }
}
