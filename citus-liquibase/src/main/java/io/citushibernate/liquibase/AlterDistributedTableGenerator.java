package io.citushibernate.liquibase;

import io.citushibernate.citus.CitusSql;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.structure.core.Column;

/** {@code SELECT alter_distributed_table(...)} with only the arguments that were given. */
public class AlterDistributedTableGenerator extends CitusSqlGenerator<AlterDistributedTableStatement> {

    @Override
    List<String> sql(AlterDistributedTableStatement s, Database database) {
        return List.of("SELECT " + CitusSql.alterDistributedTable(s.table(database),
                Citus.blank(s.distributionColumn) ? null : database.correctObjectName(s.distributionColumn, Column.class),
                s.shardCount, Citus.colocateWith(database, s.schemaName, s.colocateWith), s.cascadeToColocated));
    }

    @Override
    void check(AlterDistributedTableStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
    }
}
