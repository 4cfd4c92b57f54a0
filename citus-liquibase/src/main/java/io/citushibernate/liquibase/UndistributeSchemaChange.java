package io.citushibernate.liquibase;

import liquibase.change.ChangeMetaData;
import liquibase.change.DatabaseChange;

/**
 * {@code <citus:undistributeSchema>}: schema-based sharding with {@code citus_schema_undistribute}. Rolls back with the opposite function.
 */
@DatabaseChange(name = "undistributeSchema", description = "Turns a distributed schema back into a local schema",
        priority = ChangeMetaData.PRIORITY_DEFAULT, appliesTo = "schema")
public class UndistributeSchemaChange extends SchemaDistributionChange {

    @Override
    boolean distributes() {
        return false;
    }

    @Override
    SchemaDistributionChange opposite() {
        return new DistributeSchemaChange();
    }
}
