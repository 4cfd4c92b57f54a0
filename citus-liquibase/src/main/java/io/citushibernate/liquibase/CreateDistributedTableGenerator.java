package io.citushibernate.liquibase;

import java.util.List;
import java.util.Locale;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.structure.core.Column;

/** {@code SELECT create_distributed_table(...)}. */
public class CreateDistributedTableGenerator extends CitusSqlGenerator<CreateDistributedTableStatement> {

    @Override
    List<String> sql(CreateDistributedTableStatement s, Database database) {
        StringBuilder sql = new StringBuilder("SELECT create_distributed_table(")
                .append(Citus.regclass(database, s.schemaName, s.tableName)).append(", ")
                .append(Citus.literal(database.correctObjectName(s.distributionColumn, Column.class)));
        if (!Citus.blank(s.colocateWith)) {
            sql.append(", colocate_with => ").append(colocateWith(database, s.schemaName, s.colocateWith));
        }
        if (s.shardCount != null) {
            sql.append(", shard_count => ").append(s.shardCount);
        }
        return List.of(sql.append(")").toString());
    }

    /** 'none' and 'default' are Citus keywords; anything else is a table, in the change's schema unless qualified. */
    static String colocateWith(Database database, String schemaName, String colocateWith) {
        String value = colocateWith.trim();
        if (value.equalsIgnoreCase("none") || value.equalsIgnoreCase("default")) {
            return Citus.literal(value.toLowerCase(Locale.ROOT));
        }
        String[] name = Citus.qualified(value, schemaName);
        return Citus.regclass(database, name[0], name[1]);
    }

    @Override
    void check(CreateDistributedTableStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
        errors.checkRequiredField("distributionColumn", s.distributionColumn);
    }
}
