package io.citushibernate.liquibase;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;

/**
 * {@code <citus:distributeSchema>}: schema-based sharding with {@code citus_schema_distribute}. Rolls back with the opposite function.
 */
@DatabaseChange(name = "distributeSchema", description = "Turns a schema into a distributed (tenant) schema",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "schema")
public class DistributeSchemaChange extends SchemaDistributionChange {

    @Override
    boolean distributes() {
        return true;
    }

    @Override
    SchemaDistributionChange opposite() {
        return new UndistributeSchemaChange();
    }
}
