package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import liquibase.change.Change;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.ValidationFailedException;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import org.junit.jupiter.api.Test;

/** Validation messages: attributes without a database, the catalog on the testkit's database (Citus or not). */
@CitusTest(cleanup = false)
class ValidationTest {

    private final Database offline = new PostgresDatabase();

    private static CreateDistributedTableChange distribute(String table, String column) {
        CreateDistributedTableChange change = new CreateDistributedTableChange();
        change.setTableName(table);
        change.setDistributionColumn(column);
        return change;
    }

    private java.util.List<String> errors(Change change) {
        return change.validate(offline).getErrorMessages();
    }

    @Test
    void missingAttributesNameTheAttributeAndTheChange() {
        assertThat(errors(new CreateDistributedTableChange())).containsExactly(
                "tableName is required for createDistributedTable",
                "distributionColumn is required for createDistributedTable");
        assertThat(errors(new CreateReferenceTableChange()))
                .containsExactly("tableName is required for createReferenceTable");
        assertThat(errors(new UndistributeTableChange()))
                .containsExactly("tableName is required for undistributeTable");
        assertThat(errors(new DistributeSchemaChange()))
                .containsExactly("schemaName is required for distributeSchema");
        assertThat(errors(new UndistributeSchemaChange()))
                .containsExactly("schemaName is required for undistributeSchema");
        assertThat(errors(new IsolateTenantToNewShardChange())).containsExactly(
                "tableName is required for isolateTenantToNewShard",
                "tenantValue is required for isolateTenantToNewShard");
        assertThat(errors(new MoveTenantToNodeChange())).containsExactly(
                "tableName is required for moveTenantToNode",
                "tenantValue is required for moveTenantToNode",
                "targetHost is required for moveTenantToNode");
        assertThat(errors(new MoveSchemaChange())).containsExactly(
                "schemaName is required for moveSchema",
                "targetHost is required for moveSchema");
        assertThat(errors(new AddTenantColumnChange())).containsExactly(
                "tableName is required for addTenantColumn",
                "columnName is required for addTenantColumn",
                "columnType is required for addTenantColumn",
                "joinPath is required for addTenantColumn");
        assertThat(errors(new AddTenantColumnToKeysChange())).containsExactly(
                "tableName is required for addTenantColumnToKeys",
                "tenantColumn is required for addTenantColumnToKeys");
        AlterDistributedTableChange alter = new AlterDistributedTableChange();
        alter.setTableName("orders");
        assertThat(errors(alter)).containsExactly(
                "alterDistributedTable on orders changes nothing: set distributionColumn, shardCount or colocateWith");
    }

    @Test
    void badValuesAreRejected() {
        CreateDistributedTableChange both = distribute("orders", "store_id");
        both.setColocateWith("stores");
        both.setShardCount(8);
        assertThat(errors(both)).containsExactly("createDistributedTable on orders: set either shardCount or"
                + " colocateWith \"stores\"; a co-located table takes the shard count of stores");

        IsolateTenantToNewShardChange isolate = new IsolateTenantToNewShardChange();
        isolate.setTableName("orders");
        isolate.setTenantValue("abc");
        isolate.setTenantValueType("number");
        isolate.setShardTransferMode("fast");
        assertThat(errors(isolate)).containsExactly(
                "tenantValue 'abc' is not a number; use tenantValueType=\"text\" for a text tenant id",
                "shardTransferMode 'fast' is not one of auto, force_logical, block_writes");

        MoveTenantToNodeChange move = new MoveTenantToNodeChange();
        move.setTableName("orders");
        move.setTenantValue("not-a-uuid");
        move.setTenantValueType("uuid");
        move.setTargetHost("worker-2");
        move.setTargetPort(70000);
        assertThat(errors(move)).containsExactly("tenantValue 'not-a-uuid' is not a UUID",
                "targetPort 70000 is not a TCP port (1-65535)");

        MoveSchemaChange moveSchema = new MoveSchemaChange();
        moveSchema.setSchemaName("tenant_5");
        moveSchema.setTargetHost("worker-2");
        moveSchema.setTargetPort(0);
        moveSchema.setShardTransferMode("fast");
        assertThat(errors(moveSchema)).containsExactly("targetPort 0 is not a TCP port (1-65535)",
                "shardTransferMode 'fast' is not one of auto, force_logical, block_writes");

        AddTenantColumnChange add = new AddTenantColumnChange();
        add.setTableName("line_items");
        add.setColumnName("store_id");
        add.setColumnType("uuid");
        add.setJoinPath("orders.order_id = line_items.order_id");
        assertThat(errors(add)).containsExactly("addTenantColumn on line_items: joinPath hop"
                + " 'orders.order_id = line_items.order_id' must start at line_items, where the previous hop ended");
        add.setJoinPath("line_items.order_id orders.order_id");
        assertThat(errors(add)).containsExactly("addTenantColumn on line_items: joinPath hop"
                + " 'line_items.order_id orders.order_id' is not of the form table.column = table.column");

        AddTenantColumnToKeysChange keys = new AddTenantColumnToKeysChange();
        keys.setTableName("orders");
        keys.setTenantColumn("store_id");
        assertThat(errors(keys)).containsExactly("addTenantColumnToKeys on orders: addTenantColumnToKeys on orders"
                + " declares no key: set primaryKeyColumns, uniqueConstraints and/or foreignKeys");
        keys.setPrimaryKeyColumns("order_id");
        keys.setForeignKeys("line_items_order_fkey: line_items(order_id) -> orders");
        assertThat(errors(keys)).containsExactly("addTenantColumnToKeys on orders: foreignKeys entry"
                + " 'line_items_order_fkey: line_items(order_id) -> orders' is not of the form"
                + " name: table(column, ...) -> referenced_table(column, ...) with as many columns on both sides");
        keys.setForeignKeys(null);
        keys.setPrimaryKeyColumns("store_id, order_id");
        assertThat(errors(keys)).containsExactly("addTenantColumnToKeys on orders: key orders_pkey"
                + " (store_id, order_id) already includes store_id; leave it out of the declaration");
    }

    @Test
    void citusOperationsThatRefuseTransactionBlocksNameTheChangeset() throws Exception {
        assertThatThrownBy(() -> Lb.updateSql(Lb.offline(), "changelogs/validation/in-transaction.xml"))
                .hasMessageContaining("isolateTenantToNewShard with shardTransferMode auto copies the shard by"
                        + " logical replication, which Citus cannot run inside a transaction block: set"
                        + " runInTransaction=\"false\" on changeset"
                        + " changelogs/validation/in-transaction.xml::isolate::citus (or"
                        + " shardTransferMode=\"block_writes\")")
                .hasMessageContaining("moveTenantToNode with shardTransferMode force_logical moves the shard by"
                        + " logical replication, which Citus cannot run inside a transaction block: set"
                        + " runInTransaction=\"false\" on changeset changelogs/validation/in-transaction.xml::move::citus")
                .hasMessageContaining("rebalanceShards with waitForCompletion=true waits for a background job that"
                        + " starts only after commit, which Citus cannot run inside a transaction block")
                .hasMessageContaining("moveSchema with shardTransferMode auto moves the schema by logical"
                        + " replication, which Citus cannot run inside a transaction block: set"
                        + " runInTransaction=\"false\" on changeset"
                        + " changelogs/validation/in-transaction.xml::move-schema::citus")
                .hasMessageNotContaining("::isolate-outside::")
                .hasMessageNotContaining("::move-schema-outside::")
                .hasMessageNotContaining("::move-schema-blocking::")
                .isInstanceOf(Exception.class);
    }

    @Test
    void catalogProblemsAreValidationErrorsWhenNothingRunsBefore(CitusDatabase db) throws Exception {
        TestSchema schema = TestSchema.emptied(db);
        String orders = schema.name() + ".orders";
        schema.exec("CREATE TABLE orders (order_id bigint PRIMARY KEY, store_id bigint NOT NULL,"
                + " number text UNIQUE)");
        assertThatThrownBy(() -> Lb.update(schema, "changelogs/validation/catalog.xml"))
                .isInstanceOf(Exception.class)
                .rootCause().isInstanceOf(ValidationFailedException.class)
                .hasMessageContaining("createDistributedTable: primary key orders_pkey (order_id) of " + orders
                        + " does not include the distribution column store_id, which Citus requires; make it"
                        + " (store_id, order_id) first, e.g. with citus:addTenantColumnToKeys"
                        + " tenantColumn=\"store_id\"")
                .hasMessageContaining("createDistributedTable: unique constraint orders_number_key (number) of "
                        + orders + " does not include the distribution column store_id")
                .hasMessageContaining("createDistributedTable: table " + schema.name() + ".orderz does not exist; check"
                        + " tableName/schemaName or create the table in an earlier changeset")
                .hasMessageContaining("createDistributedTable: table " + orders + " has no column tenant_id; fix"
                        + " distributionColumn or add the column first (e.g. with citus:addTenantColumn)")
                .hasMessageContaining("changelogs/validation/catalog.xml::bad-key::citus");
        assertThat(schema.rows("select id from databasechangelog")).isEmpty();
    }

    @Test
    void catalogIsCheckedAgainRightBeforeAChangeThatEarlierChangesetsPrepare(CitusDatabase db) throws Exception {
        TestSchema schema = TestSchema.emptied(db);
        // The table only exists after changeset 1, so validation cannot judge changeset 2; the check runs before it.
        assertThatThrownBy(() -> Lb.update(schema, "changelogs/validation/deferred.xml"))
                .hasMessageContaining("Validation failed for createDistributedTable in changeset"
                        + " changelogs/validation/deferred.xml::distribute::citus: createDistributedTable: primary key"
                        + " events_pkey (id) of " + schema.name() + ".events does not include the distribution column tenant_id");
        assertThat(schema.rows("select id from databasechangelog")).containsExactly("create");
        assertThat(schema.one("select count(*) from events")).isEqualTo("0");
    }

    @Test
    void keyDeclarationsAreCheckedAgainstTheCatalog(CitusDatabase db) throws Exception {
        TestSchema schema = TestSchema.emptied(db);
        String s = schema.name();
        schema.exec(Resources.text("changelogs/store-before.sql"));
        schema.exec("ALTER TABLE line_items ADD COLUMN store_id uuid");
        assertThatThrownBy(() -> Lb.update(schema, "changelogs/validation/keys.xml"))
                .rootCause().isInstanceOf(ValidationFailedException.class)
                .hasMessageContaining("addTenantColumnToKeys: foreign key line_items_order_id_fkey of "
                        + s + ".line_items references " + s + ".orders without store_id; add"
                        + " \"line_items_order_id_fkey: line_items(order_id) -> orders(order_id)\" to foreignKeys")
                .hasMessageContaining("addTenantColumnToKeys: unique constraint orders_order_number_key"
                        + " (order_number) of " + s + ".orders does not include store_id; add"
                        + " \"orders_order_number_key(order_number)\" to uniqueConstraints")
                .hasMessageContaining("addTenantColumnToKeys: the primary key of " + s + ".orders is orders_pkey"
                        + " (order_id), not orders_pkey (id); declare primaryKeyName=\"orders_pkey\""
                        + " primaryKeyColumns=\"order_id\"");
        assertThat(schema.keys()).containsExactlyElementsOf(StoreMigrationTest.KEYS_BEFORE);
    }
}
