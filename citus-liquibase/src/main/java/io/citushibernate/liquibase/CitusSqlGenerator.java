package io.citushibernate.liquibase;

import java.util.List;

import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.ValidationErrors;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.AbstractSqlGenerator;
import liquibase.statement.SqlStatement;

/** Base of the generators: PostgreSQL only, SQL text built by {@link #sql}, statement checks in {@link #check}. */
abstract class CitusSqlGenerator<T extends SqlStatement> extends AbstractSqlGenerator<T> {

    abstract List<String> sql(T statement, Database database);

    /** Required-value checks, for statements built in code rather than through a change. */
    abstract void check(T statement, ValidationErrors errors);

    @Override
    public boolean supports(T statement, Database database) {
        return database instanceof PostgresDatabase;
    }

    @Override
    public ValidationErrors validate(T statement, Database database, SqlGeneratorChain<T> chain) {
        ValidationErrors errors = new ValidationErrors();
        check(statement, errors);
        return errors;
    }

    @Override
    public Sql[] generateSql(T statement, Database database, SqlGeneratorChain<T> chain) {
        return sql(statement, database).stream().map(UnparsedSql::new).toArray(Sql[]::new);
    }
}
