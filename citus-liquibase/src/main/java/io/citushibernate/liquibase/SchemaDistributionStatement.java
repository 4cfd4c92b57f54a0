package io.citushibernate.liquibase;

import liquibase.statement.AbstractSqlStatement;

/** citus_schema_distribute or, with distribute=false, citus_schema_undistribute. */
final class SchemaDistributionStatement extends AbstractSqlStatement {
    final String schemaName;
    final boolean distribute;

    SchemaDistributionStatement(String schemaName, boolean distribute) {
        this.schemaName = schemaName;
        this.distribute = distribute;
    }
}
