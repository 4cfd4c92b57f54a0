package io.citushibernate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Citus migration guide end to end on the testkit's database: the migration helpers run for real, the Citus changes
 * are skipped on plain PostgreSQL (distribute on Citus), and rollback restores the "before" schema exactly.
 */
@CitusTest(cleanup = false)
class StoreMigrationTest {

    static final List<String> KEYS_BEFORE = List.of(
            "line_item_notes.line_item_notes_line_item_id_fkey f (line_item_id) -> line_items (line_item_id)",
            "line_item_notes.line_item_notes_pkey p (note_id) index (note_id)",
            "line_items.line_items_order_id_fkey f (order_id) -> orders (order_id)",
            "line_items.line_items_pkey p (line_item_id) index (line_item_id)",
            "line_items.line_items_product_id_fkey f (product_id) -> products (product_id)",
            "orders.orders_order_number_key u (order_number) index (order_number)",
            "orders.orders_pkey p (order_id) index (order_id)",
            "orders.orders_store_id_fkey f (store_id) -> stores (store_id)",
            "products.products_pkey p (product_id) index (product_id)",
            "products.products_store_id_fkey f (store_id) -> stores (store_id)",
            "stores.stores_pkey p (store_id) index (store_id)");

    static final List<String> KEYS_AFTER = List.of(
            "line_item_notes.line_item_notes_line_item_id_fkey f (store_id, line_item_id)"
                    + " -> line_items (store_id, line_item_id)",
            "line_item_notes.line_item_notes_pkey p (store_id, note_id) index (store_id, note_id)",
            "line_items.line_items_order_id_fkey f (store_id, order_id) -> orders (store_id, order_id)",
            "line_items.line_items_pkey p (store_id, line_item_id) index (store_id, line_item_id)",
            "line_items.line_items_product_id_fkey f (store_id, product_id) -> products (store_id, product_id)",
            "orders.orders_order_number_key u (store_id, order_number) index (store_id, order_number)",
            "orders.orders_pkey p (store_id, order_id) index (store_id, order_id)",
            "orders.orders_store_id_fkey f (store_id) -> stores (store_id)",
            "products.products_pkey p (store_id, product_id) index (store_id, product_id)",
            "products.products_store_id_fkey f (store_id) -> stores (store_id)",
            "stores.stores_pkey p (store_id) index (store_id)");

    private TestSchema schema;

    @BeforeEach
    void emptySchema(CitusDatabase db) {
        schema = TestSchema.emptied(db);
    }

    @ParameterizedTest
    @ValueSource(strings = {"changelogs/store-migration.xml", "changelogs/store-migration.yaml"})
    void migratesTheGuideSchemaAndRollsBackToIt(String changelog) throws Exception {
        schema.exec(Resources.text("changelogs/store-before.sql"));
        List<String> columnsBefore = schema.columns();
        assertThat(schema.keys()).containsExactlyElementsOf(KEYS_BEFORE);
        assertThat(columnsBefore).noneMatch(c -> c.startsWith("line_items.store_id"));

        Lb.update(schema, changelog);

        assertThat(schema.keys()).containsExactlyElementsOf(KEYS_AFTER);
        assertThat(schema.columns()).contains("line_items.store_id uuid NO", "line_item_notes.store_id uuid NO");
        // every line item carries its order's store, every note its line item's (two hops away from orders): all of
        // them join their order on (store_id, order_id), order ids being unique; co-located joins on Citus
        assertThat(schema.oneAcrossTenants("select (select count(*) from line_items), (select count(*)"
                + " from line_items l join orders o on o.store_id = l.store_id and o.order_id = l.order_id)"))
                .isEqualTo("45|45");
        assertThat(schema.oneAcrossTenants("select (select count(*) from line_item_notes), (select count(*)"
                + " from line_item_notes n join line_items l on l.store_id = n.store_id"
                + " and l.line_item_id = n.line_item_id"
                + " join orders o on o.store_id = l.store_id and o.order_id = l.order_id)")).isEqualTo("22|22");
        assertThat(schema.oneAcrossTenants("select count(distinct store_id) from line_items")).isEqualTo("3");
        assertThat(schema.rows("select id, exectype from databasechangelog order by orderexecuted")).containsExactly(
                "store-1|EXECUTED", "store-2|EXECUTED", "store-3|EXECUTED", "store-4|EXECUTED", "store-5|EXECUTED",
                "store-6|EXECUTED");
        if (schema.isCitus()) {
            assertThat(Lb.lastLog).doesNotContain("citus-liquibase: skipped");
            assertThat(schema.partition("line_item_notes")).isEqualTo("h store_id");
        } else {
            assertThat(Lb.lastLog).contains("citus-liquibase: skipped createDistributedTable in changeset "
                    + changelog + "::store-6::citus: the citus extension is not installed"
                    + " (citus.liquibase.when_citus_missing=skip)");
        }

        Lb.rollbackCount(schema, changelog, 6);

        assertThat(schema.keys()).containsExactlyElementsOf(KEYS_BEFORE);
        assertThat(schema.columns()).isEqualTo(columnsBefore);
        assertThat(schema.one("select count(*) from line_items")).isEqualTo("45");
        assertThat(schema.rows("select id from databasechangelog")).isEmpty();
    }
}
