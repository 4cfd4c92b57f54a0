package io.citushibernate.liquibase;

import io.citushibernate.citus.CitusSql;

import java.util.List;
import java.util.Locale;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.structure.core.Column;

/** {@code SELECT create_distributed_table(...)}. */
public class CreateDistributedTableGenerator extends CitusSqlGenerator<CreateDistributedTableStatement> {

    @Override
    List<String> sql(CreateDistributedTableStatement s, Database database) {
        return List.of("SELECT " + CitusSql.createDistributedTable(s.table(database),
                database.correctObjectName(s.distributionColumn, Column.class),
                Citus.colocateWith(database, s.schemaName, s.colocateWith), s.shardCount));
    }

    @Override
    void check(CreateDistributedTableStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
        errors.checkRequiredField("distributionColumn", s.distributionColumn);
    }
}
