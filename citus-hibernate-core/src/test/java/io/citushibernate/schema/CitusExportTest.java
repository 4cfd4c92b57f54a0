package io.citushibernate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.citushibernate.CitusHibernateException;
import io.citushibernate.schema.store.LineItem;
import io.citushibernate.schema.store.Order;
import io.citushibernate.schema.store.Product;
import io.citushibernate.schema.store.Store;
import io.citushibernate.schema.store.StoreModel;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.AdAnalytics;
import io.citushibernate.testing.Postgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * The export's Citus statements: skipped or refused on plain PostgreSQL, and run on a real Citus
 * coordinator when {@code CITUS_TEST_URL} names one (a JDBC URL; {@code CITUS_TEST_USER} and
 * {@code CITUS_TEST_PASSWORD} optional). Each Citus test works in a schema of its own and drops it.
 */
class CitusExportTest {
  private static final String CITUS_URL = System.getenv("CITUS_TEST_URL");

  @Test
  void plainPostgresSkipsTheCitusStatementsWithOneInfoLine() {
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    // slf4j-simple writes to whatever System.err is when it logs.
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (HikariDataSource db = Postgres.newDatabase(2);
        SessionFactory sf = Units.build(db, StoreModel.ENTITIES, Map.of())) {
      assertThat(sf.isOpen()).isTrue();
      assertThat(Catalog.keys(db, "line_items")).contains("PRIMARY KEY (store_id, line_item_id)");
    } finally {
      System.setErr(original);
    }
    assertThat(log.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("citus extension not installed"))).singleElement().asString()
        .contains("INFO").contains("skipping 9 Citus distribution statement(s)")
        .contains(CitusSchemaSettings.WHEN_CITUS_MISSING + "=skip");
  }

  @Test
  void plainPostgresFailsTheBuildWhenAskedTo() {
    try (HikariDataSource db = Postgres.newDatabase(2)) {
      Throwable failure = catchThrowable(() -> Units.build(db, StoreModel.ENTITIES,
          Map.of(CitusSchemaSettings.WHEN_CITUS_MISSING, "fail")).close());
      assertThat(failure).isInstanceOf(CitusHibernateException.class)
          .hasMessageStartingWith("The database has no citus extension, so the schema export cannot distribute "
              + "its 9 table(s). Fix: run CREATE EXTENSION citus");
    }
  }

  @Test
  void anInvalidSettingIsRefused() {
    try (HikariDataSource db = Postgres.newDatabase(1)) {
      assertThat(catchThrowable(() -> Units.build(db, StoreModel.ENTITIES,
          Map.of(CitusSchemaSettings.WHEN_CITUS_MISSING, "maybe")).close()))
          .hasMessageContaining("Invalid value 'maybe' for Hibernate property " + CitusSchemaSettings.WHEN_CITUS_MISSING);
    }
  }

  @Test
  void adAnalyticsIsDistributedAndColocatedOnCitus() throws SQLException {
    assumeTrue(CITUS_URL != null, "CITUS_TEST_URL is not set: no Citus coordinator to export to");
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
  void theStoreModelIsDistributedAndColocatedOnCitusAndItsCollectionsWork() throws SQLException {
    assumeTrue(CITUS_URL != null, "CITUS_TEST_URL is not set: no Citus coordinator to export to");
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

  private static void onCitus(List<Class<?>> entities, Map<String, String[]> expected, Work work)
      throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(CITUS_URL);
    if (System.getenv("CITUS_TEST_USER") != null) {
      config.setUsername(System.getenv("CITUS_TEST_USER"));
      config.setPassword(System.getenv("CITUS_TEST_PASSWORD"));
    }
    config.setMaximumPoolSize(4);
    String schema = "citus_hibernate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (HikariDataSource db = new HikariDataSource(config)) {
      execute(db, "create schema " + schema);
      try {
        try (SessionFactory sf = Units.build(db, entities, Map.of("hibernate.default_schema", schema,
            "hibernate.hbm2ddl.auto", "create-drop", CitusSchemaSettings.WHEN_CITUS_MISSING, "fail"))) {
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
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
            "select count(*) from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid "
                + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = '" + schema + "'")) {
          rs.next();
          assertThat(rs.getInt(1)).isZero();
        }
      } finally {
        execute(db, "drop schema if exists " + schema + " cascade");
      }
    }
  }

  private static void execute(HikariDataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
