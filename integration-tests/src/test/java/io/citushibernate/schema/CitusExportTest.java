package io.citushibernate.schema;

import io.citushibernate.CitusSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.fixtures.store.LineItem;
import io.citushibernate.fixtures.store.Order;
import io.citushibernate.fixtures.store.Product;
import io.citushibernate.fixtures.store.Store;
import io.citushibernate.fixtures.store.StoreModel;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.CitusTestDatabase;
import io.citushibernate.testkit.RequiresCitus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * The export's Citus statements: skipped or refused on plain PostgreSQL, and run when the testkit's
 * database is Citus. The Citus tests export into schemas of their own and drop what they export.
 */
@CitusTest
class CitusExportTest {
  private static final String WITHOUT_CITUS = "the test database has the citus extension; this test is about a "
      + "database without it";

  CitusDatabase database;

  @Test
  void plainPostgresSkipsTheCitusStatementsWithOneInfoLine() {
    assumeFalse(database.isCitus(), WITHOUT_CITUS);
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    // slf4j-simple writes to whatever System.err is when it logs.
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    DataSource db = database.dataSource();
    try (SessionFactory sf = Units.build(db, StoreModel.ENTITIES, Map.of())) {
      assertThat(sf.isOpen()).isTrue();
      assertThat(Catalog.keys(db, "line_items")).contains("PRIMARY KEY (store_id, line_item_id)");
    } finally {
      System.setErr(original);
    }
    assertThat(log.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("citus extension not installed"))).singleElement().asString()
        .contains("INFO").contains("skipping 9 Citus distribution statement(s)")
        .contains(CitusSettings.SCHEMA_WHEN_CITUS_MISSING + "=skip");
  }

  @Test
  void plainPostgresFailsTheBuildWhenAskedTo() {
    assumeFalse(database.isCitus(), WITHOUT_CITUS);
    Throwable failure = catchThrowable(() -> Units.build(database.dataSource(), StoreModel.ENTITIES,
        Map.of(CitusSettings.SCHEMA_WHEN_CITUS_MISSING, "fail")).close());
    assertThat(failure).isInstanceOf(CitusHibernateException.class)
        .hasMessageStartingWith("The database has no citus extension, so the schema export cannot distribute "
            + "its 9 table(s). Fix: run CREATE EXTENSION citus");
  }

  @Test
  void anInvalidSettingIsRefused() {
    assertThat(catchThrowable(() -> Units.build(database.dataSource(), StoreModel.ENTITIES,
        Map.of(CitusSettings.SCHEMA_WHEN_CITUS_MISSING, "maybe")).close()))
        .hasMessageContaining("Invalid value 'maybe' for Hibernate property " + CitusSettings.SCHEMA_WHEN_CITUS_MISSING);
  }

  @Test
  @RequiresCitus
  void adAnalyticsIsDistributedAndColocatedOnCitus() throws SQLException {
    Map<String, String[]> expected = new LinkedHashMap<>();
    expected.put("companies", new String[] {"h", "id"});
    expected.put("campaigns", new String[] {"h", "company_id"});
    expected.put("ads", new String[] {"h", "company_id"});
    expected.put("clicks", new String[] {"h", "company_id"});
    expected.put("impressions", new String[] {"h", "company_id"});
    expected.put("geo_ips", new String[] {"n", null});
    onCitus(AdAnalytics.ENTITIES, expected, null);
  }

  @Test
  @RequiresCitus
  void theStoreModelIsDistributedAndColocatedOnCitusAndItsCollectionsWork() throws SQLException {
    Map<String, String[]> expected = new LinkedHashMap<>();
    for (String table : List.of("stores", "products", "orders", "line_items", "product_related",
        "product_extra_categories", "product_keywords", "store_tags")) {
      expected.put(table, new String[] {"h", "store_id"});
    }
    expected.put("product_categories", new String[] {"n", null});
    onCitus(StoreModel.ENTITIES, expected, sf -> {
      UUID store = UUID.randomUUID();
      TenantContext.runCrossTenant("test fixture: a store", () -> sf.inTransaction(s -> s.persist(
          new Store(store, "Wool & Co"))));
      long[] id = new long[1];
      TenantContext.run(store, () -> sf.inTransaction(s -> {
        Product pants = new Product("Awesome Wool Pants", "pants", null);
        Product socks = new Product("Socks", "socks", null);
        pants.getKeywords().add("wool");
        pants.getRelated().add(socks);
        s.persist(socks);
        s.persist(pants);
        Order order = new Order("o-1");
        s.persist(order);
        s.persist(new LineItem(order, pants, 2));
        id[0] = pants.getId();
      }));
      TenantContext.run(store, () -> sf.inTransaction(s -> {
        Product pants = s.find(Product.class, id[0]);
        assertThat(pants.getKeywords()).containsExactly("wool");
        assertThat(pants.getRelated()).extracting(Product::getName).containsExactly("Socks");
      }));
    });
  }

  private interface Work {
    void run(SessionFactory sf);
  }

  /** Exports {@code entities} into a schema of their own, checks the Citus tables, runs {@code work}, drops them. */
  private static void onCitus(List<Class<?>> entities, Map<String, String[]> expected, Work work)
      throws SQLException {
    try (CitusTestDatabase own = CitusTestDatabase.create().open()) {
      exportAndDrop(own.dataSource(), own.schema(), entities, expected, work);
    }
  }

  private static void exportAndDrop(DataSource db, String schema, List<Class<?>> entities,
      Map<String, String[]> expected, Work work) throws SQLException {
    try (SessionFactory sf = Units.build(db, entities, Map.of("hibernate.hbm2ddl.auto", "create-drop",
        CitusSettings.SCHEMA_WHEN_CITUS_MISSING, "fail"))) {
      Map<String, String[]> actual = new LinkedHashMap<>();
      Set<Integer> colocation = new HashSet<>();
      try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
          "select c.relname, p.partmethod, case when p.partmethod = 'h' then "
              + "column_to_column_name(p.logicalrelid, p.partkey) end, p.colocationid "
              + "from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid "
              + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ?")) {
        ps.setString(1, schema);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            actual.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            if ("h".equals(rs.getString(2))) {
              colocation.add(rs.getInt(4));
            }
          }
        }
      }
      assertThat(actual).containsOnlyKeys(expected.keySet());
      expected.forEach((table, partition) -> assertThat(actual.get(table)).as(table).containsExactly(partition));
      assertThat(colocation).as("every tenant table in one colocation group").hasSize(1);
      if (work != null) {
        work.run(sf);
      }
    }
    // create-drop undistributed and dropped everything it created.
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "select count(*) from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid "
            + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }
}
