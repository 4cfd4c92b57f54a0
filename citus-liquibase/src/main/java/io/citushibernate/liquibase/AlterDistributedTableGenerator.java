package io.citushibernate.liquibase;

import java.util.List;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.structure.core.Column;

/** {@code SELECT alter_distributed_table(...)} with only the arguments that were given. */
public class AlterDistributedTableGenerator extends CitusSqlGenerator<AlterDistributedTableStatement> {

    @Override
    List<String> sql(AlterDistributedTableStatement s, Database database) {
        StringBuilder sql = new StringBuilder("SELECT alter_distributed_table(")
                .append(Citus.regclass(database, s.schemaName, s.tableName));
        if (!Citus.blank(s.distributionColumn)) {
            sql.append(", distribution_column => ")
                    .append(Citus.literal(database.correctObjectName(s.distributionColumn, Column.class)));
        }
        if (s.shardCount != null) {
            sql.append(", shard_count => ").append(s.shardCount);
        }
        if (!Citus.blank(s.colocateWith)) {
            sql.append(", colocate_with => ")
                    .append(CreateDistributedTableGenerator.colocateWith(database, s.schemaName, s.colocateWith));
        }
        if (s.cascadeToColocated != null) {
            sql.append(", cascade_to_colocated => ").append(s.cascadeToColocated);
        }
        return List.of(sql.append(")").toString());
    }

    @Override
    void check(AlterDistributedTableStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
    }
}
