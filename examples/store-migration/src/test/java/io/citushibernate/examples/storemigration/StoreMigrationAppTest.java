package io.citushibernate.examples.storemigration;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.examples.support.Orm;
import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.SqlRecorder;
import io.citushibernate.fixtures.store.LineItem;
import io.citushibernate.fixtures.store.Order;
import io.citushibernate.fixtures.store.Product;
import io.citushibernate.fixtures.store.ProductCategory;
import io.citushibernate.fixtures.store.Store;
import io.citushibernate.fixtures.store.StoreModel;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.CitusTestDatabase;
import io.citushibernate.testkit.RoutingCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the example's steps on the test's schema, with the testkit's single-shard routing check on for the guide's
 * queries, then checks the migrated data and keys in the catalog, and compares the printed results with plain SQL
 * carrying an explicit store_id. On Citus the migration also distributes the tables; on plain PostgreSQL it skips that
 * with the reason.
 *
 * <p>The entities tell the routing check which tables are distributed; the example's SQL and Liquibase create them.
 */
@CitusTest(entities = {Store.class, ProductCategory.class, Product.class, Order.class, LineItem.class},
    properties = "hibernate.hbm2ddl.auto=none", cleanup = false)
class StoreMigrationAppTest {
  private static final int STORES = 3;
  private static final int ORDERS = 12;
  private static final UUID STORE = SampleData.GUIDE_STORE;
  private static final String PINNED = "store_id = '" + STORE + "'";

  static CitusDatabase db;
  static String output;

  @BeforeAll
  static void runExample(CitusDatabase database) {
    db = database;
    output = runSteps(db.dataSource(), db.isCitus());
  }

  /** What {@link StoreMigrationApp#run(Options, Report)} does once connected, each step with its routing check. */
  static String runSteps(DataSource dataSource, boolean citus) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Report report = new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    SampleData data = new SampleData(STORES, ORDERS);
    // the single-node application before the migration: line_items has no store_id yet, nothing can be pinned
    RoutingCheck.allowMultiShard(() -> new BeforeSchema(dataSource, report).create(data));
    Catalog catalog = new Catalog(dataSource, report);
    catalog.printKeys("Keys before the migration");
    // a migration: DDL, the backfill of every store's line items, Liquibase's bookkeeping, distributing
    RoutingCheck.allowMultiShard(() -> StoreMigrationApp.migrate(dataSource, report));
    catalog.printKeys("Keys after the migration");
    // the backfill check compares every store's line items with their orders
    RoutingCheck.allowMultiShard(catalog::printBackfill);
    catalog.printDistribution(citus);
    // the guide's queries: every statement pinned to the store. The orders looked up are the ones
    // StoreMigrationApp picks: the store's second order, and the next order id, another store's.
    List<SampleData.Order> own = data.orders().stream().filter(o -> o.storeId().equals(STORE)).toList();
    SampleData.Order order = own.get(1);
    Long other = data.orders().stream().filter(o -> o.orderId() > order.orderId() && !o.storeId().equals(STORE))
        .map(SampleData.Order::orderId).findFirst().orElseThrow();
    SqlRecorder recorder = new SqlRecorder(dataSource);
    try (SessionFactory sessions = Orm.sessionFactory(recorder, StoreModel.ENTITIES)) {
      new QueryMigration(sessions, recorder, report).run(STORE, order.orderId(), other);
    }
    report.line("");
    report.line("Done.");
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test
  void appliesTheChangelogAndSkipsDistributionOnPlainPostgres() {
    assertThat(output).contains("ran changeset 1-line-items-store-id", "ran changeset 2-products-keys",
        "ran changeset 3-orders-keys", "ran changeset 4-line-items-keys", "ran changeset 5-distribute");
    if (db.isCitus()) {
      // distributed by store_id, co-located: one colocation id for the four tables
      assertThat(output).doesNotContain("citus-liquibase: skipped").contains("Distribution, from citus_tables:")
          .containsPattern("line_items +\\| distributed +\\| store_id ");
      assertThat(actual("select count(*) || ' ' || count(distinct colocationid) from pg_dist_partition"
          + " where logicalrelid in ('stores'::regclass, 'products'::regclass, 'orders'::regclass,"
          + " 'line_items'::regclass) and partmethod = 'h'")).containsExactly("4 1");
    } else {
      assertThat(output).contains(
          "citus-liquibase: skipped createDistributedTable in changeset db/store-migration.xml::5-distribute",
          "Distribution: none. This database has no citus extension");
    }
  }

  @Test
  void everyLineItemCarriesItsOrdersStore() {
    // order ids are unique: a line item whose (store_id, order_id) names no order has another store than its order
    assertThat(actual("""
        select count(*) from line_items l where not exists (select 1 from orders o
         where o.store_id = l.store_id and o.order_id = l.order_id)""")).containsExactly("0");
    assertThat(actual("select attnotnull from pg_attribute "
        + "where attrelid = 'line_items'::regclass and attname = 'store_id'")).containsExactly("t");
    // and the store is the one the generated data gave the order, line item by line item
    SampleData data = new SampleData(STORES, ORDERS);
    Map<Long, UUID> orderStore = new HashMap<>();
    data.orders().forEach(o -> orderStore.put(o.orderId(), o.storeId()));
    List<String> expected = data.lineItems().stream()
        .map(l -> l.lineItemId() + " " + orderStore.get(l.orderId())).toList();
    assertThat(actual("select line_item_id || ' ' || store_id from line_items order by line_item_id"))
        .isEqualTo(expected);
    assertThat(output).containsPattern(" +" + data.lineItems().size() + " \\| +0 \\| +0\n");
  }

  @Test
  void keysAreCompositeWithTheStoreFirst() {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String row : actual("""
        select conname || '=' || pg_get_constraintdef(oid) from pg_constraint
         where conrelid in ('stores'::regclass, 'products'::regclass, 'orders'::regclass, 'line_items'::regclass)
           and contype in ('p', 'u', 'f')""")) {
      String[] kv = row.split("=", 2);
      keys.put(kv[0], kv[1]);
    }
    assertThat(keys).containsExactlyInAnyOrderEntriesOf(Map.of(
        "stores_pkey", "PRIMARY KEY (store_id)",
        "products_pkey", "PRIMARY KEY (store_id, product_id)",
        "products_store_id_fkey", "FOREIGN KEY (store_id) REFERENCES stores(store_id)",
        "orders_pkey", "PRIMARY KEY (store_id, order_id)",
        "orders_store_id_fkey", "FOREIGN KEY (store_id) REFERENCES stores(store_id)",
        "line_items_pkey", "PRIMARY KEY (store_id, line_item_id)",
        "line_items_store_id_fkey", "FOREIGN KEY (store_id) REFERENCES stores(store_id)",
        "line_items_order_id_fkey", "FOREIGN KEY (store_id, order_id) REFERENCES orders(store_id, order_id)",
        "line_items_product_id_fkey",
        "FOREIGN KEY (store_id, product_id) REFERENCES products(store_id, product_id)"));
  }

  @Test
  void printsTheKeysBeforeAndAfterFromTheCatalog() {
    String before = between("== Keys before the migration", "== Migration");
    String after = between("== Keys after the migration", "Backfill check");
    assertThat(before).contains("| PRIMARY KEY (order_id)\n", "| FOREIGN KEY (order_id) REFERENCES orders(order_id)\n")
        .doesNotContain("line_items_store_id_fkey");
    assertThat(after).contains("| PRIMARY KEY (store_id, order_id)\n",
        "| FOREIGN KEY (store_id, order_id) REFERENCES orders(store_id, order_id)\n",
        "line_items_store_id_fkey");
  }

  @Test
  void orderLookupMatchesPlainSqlWithExplicitStore() {
    String section = between("-- 1.", "-- 2.");
    String orderId = section.replaceAll("(?s).*SELECT \\* FROM orders WHERE order_id = (\\d+);.*", "$1");
    List<String> expected = actual("select order_id || ' | ' || store_id || ' | ' || status from orders "
        + "where order_id = " + orderId + " and store_id = '" + STORE + "'");
    assertThat(expected).hasSize(1);
    List<String> printed = tableRows(section).stream().map(r -> {
      String[] cells = r.split("\\|");
      return cells[0].strip() + " | " + cells[1].strip() + " | " + cells[2].strip();
    }).toList();
    assertThat(printed).isEqualTo(expected);
    assertThat(sqlLines(section)).hasSize(2).allSatisfy(sql -> assertThat(sql)
        .matches("SELECT .* FROM orders o1_0 WHERE o1_0.order_id = \\? AND o1_0." + PINNED));
    // the next order id is another store's: with the store predicate, this store does not see it
    String other = section.replaceAll("(?s).*Order (\\d+) belongs to another store.*", "$1");
    assertThat(actual("select store_id <> '" + STORE + "' from orders where order_id = " + other))
        .containsExactly("t");
    assertThat(section).contains("as this store the same query finds nothing");
  }

  @Test
  void woolPantsSumsMatchPlainSqlWithExplicitStore() {
    String expected = actual("""
        select sum(l.quantity) from line_items l join products p on l.product_id = p.product_id
         where p.name = 'Awesome Wool Pants' and l.store_id = '%s' and p.store_id = '%s'""".formatted(STORE, STORE))
        .get(0);
    // the same from the "before" relationships (line item -> order -> store), independent of the backfill
    SampleData data = new SampleData(STORES, ORDERS);
    Map<Long, UUID> orderStore = new HashMap<>();
    data.orders().forEach(o -> orderStore.put(o.orderId(), o.storeId()));
    Map<Long, String> productName = new HashMap<>();
    data.products().forEach(p -> productName.put(p.productId(), p.name()));
    long fromData = data.lineItems().stream()
        .filter(l -> STORE.equals(orderStore.get(l.orderId())) && SampleData.WOOL_PANTS.equals(productName.get(l.productId())))
        .mapToLong(SampleData.LineItem::quantity).sum();
    assertThat(expected).isEqualTo(Long.toString(fromData));
    String allStores = actual("select sum(l.quantity) from line_items l join products p "
        + "on p.store_id = l.store_id and p.product_id = l.product_id where p.name = 'Awesome Wool Pants'").get(0);
    assertThat(Long.parseLong(allStores)).as("the other stores sold wool pants too").isGreaterThan(fromData);

    for (String[] bounds : new String[][] {{"-- 2.", "-- 3."}, {"-- 3.", "-- 4."}, {"-- 4.", "\nDone."}}) {
      String section = between(bounds[0], bounds[1]);
      assertThat(tableRows(section)).as(bounds[0]).containsExactly(expected);
    }
  }

  @Test
  void theOrmQueryGetsTheStoreOnBothTables() {
    List<String> sql = sqlLines(between("-- 2.", "-- 3."));
    assertThat(sql).hasSize(1);
    assertThat(sql.get(0)).contains("li1_0." + PINNED, "p1_0." + PINNED);
  }

  @Test
  void theGuidesNativeSqlKeepsItsStoreAndGetsNoSecondPredicate() {
    String joinForm = sqlLines(between("-- 3.", "-- 4.")).get(0);
    assertThat(joinForm).contains("AND l.store_id = p.store_id", "l." + PINNED, "p." + PINNED);
    assertThat(occurrences(joinForm, "l." + PINNED)).isEqualTo(1);
    String filterForm = sqlLines(between("-- 4.", "\nDone.")).get(0);
    assertThat(occurrences(filterForm, "l." + PINNED)).isEqualTo(1);
    assertThat(occurrences(filterForm, "p." + PINNED)).isEqualTo(1);
    assertThat(between("-- 4.", "\nDone.")).contains("(sent as written, up to layout)");
  }

  @Test
  void everyStatementShownCarriesTheStore() {
    List<String> sql = sqlLines(output);
    assertThat(sql).hasSize(5).allSatisfy(s -> assertThat(s).contains(PINNED));
  }

  @Test
  void rerunsFromScratchAndRunsAsAnotherStore() throws Exception {
    UUID store2 = SampleData.storeId(2);
    try (CitusTestDatabase rerun = CitusTestDatabase.create().open()) {
      String first = run(args(rerun, "--store", store2.toString()));
      String second = run(args(rerun, "--store", "2"));
      assertThat(second).isEqualTo(first).contains("ran changeset 1-line-items-store-id",
          "== Queries as store " + store2);
      assertThat(sqlLines(second)).hasSize(5).allSatisfy(s -> assertThat(s).contains("store_id = '" + store2 + "'"));
      String expected = column(rerun.dataSource(), """
          select sum(l.quantity) from line_items l join products p on l.product_id = p.product_id
           where p.name = 'Awesome Wool Pants' and l.store_id = '%s' and p.store_id = '%s'"""
          .formatted(store2, store2)).get(0);
      int start = second.indexOf("-- 2.");
      assertThat(tableRows(second.substring(start, second.indexOf("-- 3.", start)))).containsExactly(expected);
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  static String run(String[] args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertThat(StoreMigrationApp.run(args, out)).isZero();
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private static String[] args(CitusDatabase database, String... more) throws SQLException {
    List<String> all = new ArrayList<>(List.of(commandLine(database)));
    all.addAll(List.of("--stores", Integer.toString(STORES), "--orders-per-store", Integer.toString(ORDERS)));
    all.addAll(Arrays.asList(more));
    return all.toArray(String[]::new);
  }

  /**
   * The example's command line for {@code database}'s schema, as a user runs it: the server's URL with
   * {@code currentSchema}, and the user (the testkit's URL may leave it to the connection properties).
   */
  static String[] commandLine(CitusDatabase database, String... extra) throws SQLException {
    String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema="
        + database.schema();
    List<String> args = new ArrayList<>(List.of("--jdbc-url", url));
    try (Connection c = database.dataSource().getConnection()) {
      args.addAll(List.of("--user", c.getMetaData().getUserName()));
    }
    String password = System.getProperty("citus.test.password", System.getenv("CITUS_TEST_PASSWORD"));
    if (password != null && !password.isBlank()) {
      args.addAll(List.of("--password", password));
    }
    args.addAll(Arrays.asList(extra));
    return args.toArray(String[]::new);
  }

  private static String between(String from, String to) {
    int start = output.indexOf(from);
    assertThat(start).as(from).isNotNegative();
    int end = output.indexOf(to, start + from.length());
    assertThat(end).as(to).isPositive();
    return output.substring(start, end);
  }

  /** The data rows of the psql-style table in {@code section}. */
  static List<String> tableRows(String section) {
    List<String> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : section.split("\n")) {
      if (line.matches("-+(\\+-+)*")) {
        inTable = true;
      } else if (line.matches("\\(\\d+ rows?\\)")) {
        inTable = false;
      } else if (inTable) {
        rows.add(line.strip());
      }
    }
    return rows;
  }

  static List<String> sqlLines(String text) {
    return text.lines().filter(l -> l.startsWith("SQL> ")).map(l -> l.substring(5)).toList();
  }

  private static int occurrences(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  /**
   * The first column of a query on the schema the example ran in. The test's own checks look across stores on
   * purpose (e.g. every line item against its order), so they are not held to the routing check.
   */
  private static List<String> actual(String sql) {
    return RoutingCheck.allowMultiShard(() -> column(db.dataSource(), sql));
  }

  private static List<String> column(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + "\n  statement: " + sql, e);
    }
  }
}
