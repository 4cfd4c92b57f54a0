package io.citushibernate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.fixtures.store.LineItem;
import io.citushibernate.fixtures.store.Order;
import io.citushibernate.fixtures.store.Product;
import io.citushibernate.fixtures.store.ProductCategory;
import io.citushibernate.fixtures.store.Store;
import io.citushibernate.fixtures.store.StoreModel;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import io.citushibernate.testkit.RoutingCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migration guide's store schema as Hibernate exports it, read back from the catalog. */
class StoreSchemaTest {
  private static final UUID STORE_A = UUID.fromString("8c69aa0d-3f13-4440-86ca-443566c1fc75");
  private static final UUID STORE_B = UUID.fromString("2e4e1a43-7a55-4c55-9a7e-0c4b1d0e5f01");

  private static CitusTestDatabase db;
  private static DataSource pool;
  private static SessionFactory sessionFactory;

  @BeforeAll
  static void export() {
    // literal tenants: the test reads the tenant in the SQL that was sent
    db = CitusTestDatabase.create().entities(StoreModel.ENTITIES)
        .property("citus.hibernate.tenant_binding", "literal").poolSize(4).open();
    pool = db.dataSource();
    sessionFactory = db.sessionFactory();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void tenantEntityKeepsItsIdAsKeyAndItsElementCollectionKeyIsTheTenant() {
    assertThat(Catalog.keys(pool, "stores")).containsExactlyInAnyOrder("PRIMARY KEY (store_id)");
    assertThat(Catalog.keys(pool, "store_tags")).containsExactlyInAnyOrder(
        "PRIMARY KEY (store_id, tag)",
        "FOREIGN KEY (store_id) REFERENCES stores (store_id)");
  }

  @Test
  void productsGetCompositeKeysAndKeepTheirKeyToTheReferenceTable() {
    assertThat(Catalog.keys(pool, "products")).containsExactlyInAnyOrder(
        "PRIMARY KEY (store_id, product_id)",
        "UNIQUE (store_id, sku)",
        "FOREIGN KEY (category_id) REFERENCES product_categories (id)");
  }

  @Test
  void ordersGetCompositeKeysAndTheirUniqueIndexIncludesTheTenant() {
    // Hibernate maps @Index(unique = true) to a unique constraint; it gets the tenant column too.
    assertThat(Catalog.keys(pool, "orders")).containsExactlyInAnyOrder(
        "PRIMARY KEY (store_id, order_id)",
        "FOREIGN KEY (store_id) REFERENCES stores (store_id)",
        "UNIQUE (store_id, order_number)");
  }

  @Test
  void lineItemsReferenceOrdersAndProductsThroughTheTenant() {
    // The migration guide's hand-written ALTER TABLE statements, produced from the mapping.
    assertThat(Catalog.keys(pool, "line_items")).containsExactlyInAnyOrder(
        "PRIMARY KEY (store_id, line_item_id)",
        "FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, order_id)",
        "FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, product_id)");
  }

  @Test
  void joinAndCollectionTablesOfTenantEntitiesGetTheTenantColumn() {
    assertThat(Catalog.keys(pool, "product_related")).containsExactlyInAnyOrder(
        "PRIMARY KEY (store_id, product_id, related_id)",
        "FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, product_id)",
        "FOREIGN KEY (store_id, related_id) REFERENCES products (store_id, product_id)");
    // the tenant column first, then the key as Hibernate orders it for a new schema
    assertThat(Catalog.keys(pool, "product_extra_categories")).containsExactlyInAnyOrder(
        "PRIMARY KEY (store_id, category_id, product_id)",
        "FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, product_id)",
        "FOREIGN KEY (category_id) REFERENCES product_categories (id)");
    assertThat(Catalog.keys(pool, "product_keywords")).containsExactlyInAnyOrder(
        "PRIMARY KEY (store_id, product_id, keyword)",
        "FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, product_id)");
    assertThat(Catalog.notNullColumns(pool, "product_related")).contains("store_id");
    assertThat(Catalog.notNullColumns(pool, "product_keywords")).contains("store_id");
  }

  @Test
  void referenceTablesKeepTheirKeys() {
    assertThat(Catalog.keys(pool, "product_categories")).containsExactlyInAnyOrder(
        "PRIMARY KEY (id)",
        "UNIQUE (name)",
        "FOREIGN KEY (parent_id) REFERENCES product_categories (id)");
  }

  @Test
  void manyToManyAndElementCollectionRowsCarryTheTenantAndReadsAreScoped() throws SQLException {
    TenantContext.runCrossTenant("test fixture: stores and categories", () -> sessionFactory.inTransaction(s -> {
      Store a = new Store(STORE_A, "Wool & Co");
      a.getTags().add("wool");
      s.persist(a);
      s.persist(new Store(STORE_B, "Other"));
      s.persist(new ProductCategory(1L, "Clothing", null));
      s.persist(new ProductCategory(2L, "Pants", null));
    }));
    long[] ids = new long[2];
    for (UUID store : List.of(STORE_A, STORE_B)) {
      TenantContext.run(store, () -> sessionFactory.inTransaction(s -> {
        Product pants = new Product("Awesome Wool Pants", "pants-" + store, s.getReference(ProductCategory.class, 1L));
        Product socks = new Product("Socks", "socks-" + store, null);
        pants.getKeywords().add("wool");
        pants.getKeywords().add("pants");
        pants.getRelated().add(socks);
        pants.getExtraCategories().add(s.getReference(ProductCategory.class, 2L));
        s.persist(socks);
        s.persist(pants);
        Order order = new Order("o-1");
        s.persist(order);
        s.persist(new LineItem(order, pants, 2));
        if (store.equals(STORE_A)) {
          ids[0] = pants.getId();
        } else {
          ids[1] = pants.getId();
        }
      }));
    }

    // Hibernate never binds store_id for these tables: the rewriter added it to each INSERT.
    assertThat(rows("select store_id, keyword from product_keywords where product_id = " + ids[0]))
        .containsExactlyInAnyOrder(STORE_A + " wool", STORE_A + " pants");
    assertThat(rows("select store_id from product_related where product_id = " + ids[0]))
        .containsExactly(STORE_A.toString());
    assertThat(rows("select store_id from product_extra_categories where product_id = " + ids[1]))
        .containsExactly(STORE_B.toString());

    db.clearStatements();
    TenantContext.run(STORE_A, () -> sessionFactory.inTransaction(s -> {
      Product pants = s.find(Product.class, ids[0]);
      assertThat(pants.getKeywords()).containsExactlyInAnyOrder("wool", "pants");
      assertThat(pants.getRelated()).extracting(Product::getName).containsExactly("Socks");
      assertThat(pants.getExtraCategories()).extracting(ProductCategory::getName).containsExactly("Pants");
      // Every collection table is read for the current store only.
      List<String> keywords = s.createNativeQuery("select keyword from product_keywords", String.class)
          .getResultList();
      assertThat(keywords).containsExactlyInAnyOrder("wool", "pants");
    }));
    List<String> collectionReads = new ArrayList<>();
    for (String sql : db.statements()) {
      if (sql.contains("product_keywords") || sql.contains("product_related")
          || sql.contains("product_extra_categories")) {
        collectionReads.add(sql);
      }
    }
    assertThat(collectionReads).isNotEmpty().allSatisfy(sql -> assertThat(sql).contains(STORE_A.toString()));
  }

  /** Rows read past Hibernate, to see what was stored: exempt from the routing check, unpinned on purpose. */
  private static List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = pool.getConnection(); Statement st = c.createStatement();
        ResultSet rs = RoutingCheck.allowMultiShard(() -> query(st, sql))) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          values.add(rs.getString(i));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  private static ResultSet query(Statement st, String sql) {
    try {
      return st.executeQuery(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
