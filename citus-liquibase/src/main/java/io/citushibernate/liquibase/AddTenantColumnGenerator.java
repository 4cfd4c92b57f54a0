package io.citushibernate.liquibase;

import java.util.ArrayList;
import java.util.List;

import liquibase.database.Database;
import liquibase.datatype.DataTypeFactory;
import liquibase.exception.ValidationErrors;

/**
 * Adds the column, backfills it with one UPDATE ... FROM over the join path (tables aliased t0, t1, ... so that a
 * path may cross schemas or revisit a table name), then sets NOT NULL.
 */
public class AddTenantColumnGenerator extends CitusSqlGenerator<AddTenantColumnStatement> {

    @Override
    List<String> sql(AddTenantColumnStatement s, Database database) {
        String table = s.table(database);
        String column = Citus.column(database, s.columnName);
        String type = DataTypeFactory.getInstance().fromDescription(s.columnType, database)
                .toDatabaseDataType(database).toSql();
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);

        List<JoinPath.Hop> hops = s.joinPath.hops;
        StringBuilder update = new StringBuilder("UPDATE ").append(table).append(" t0 SET ").append(column)
                .append(" = t").append(hops.size()).append('.').append(Citus.column(database, s.sourceColumn))
                .append(" FROM ");
        List<String> from = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            JoinPath.Ref to = hops.get(i).to;
            from.add(Citus.table(database, to.schema == null ? s.schemaName : to.schema, to.table) + " t" + (i + 1));
            where.add("t" + i + "." + Citus.column(database, hops.get(i).from.column) + " = t" + (i + 1) + "."
                    + Citus.column(database, to.column));
        }
        update.append(String.join(", ", from)).append(" WHERE ").append(String.join(" AND ", where));
        sql.add(update.toString());
        if (s.notNull) {
            sql.add("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
        }
        return sql;
    }

    @Override
    void check(AddTenantColumnStatement s, ValidationErrors errors) {
        errors.checkRequiredField("tableName", s.tableName);
        errors.checkRequiredField("columnName", s.columnName);
        errors.checkRequiredField("columnType", s.columnType);
        errors.checkRequiredField("joinPath", s.joinPath);
    }
}
