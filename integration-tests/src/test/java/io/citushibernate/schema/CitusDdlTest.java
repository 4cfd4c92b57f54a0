package io.citushibernate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.fixtures.store.StoreModel;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.CitusTestDatabase;
import io.citushibernate.testkit.RequiresCitus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DDL command prints Hibernate's create script with Citus keys and distribution calls. */
@CitusTest
class CitusDdlTest {
  private static final List<String> CITUS_CALLS = List.of(
      "select create_reference_table('product_categories');",
      "select create_distributed_table('stores', 'store_id');",
      "select create_distributed_table('orders', 'store_id', colocate_with => 'stores');",
      "select create_distributed_table('products', 'store_id', colocate_with => 'stores');",
      "select create_distributed_table('line_items', 'store_id', colocate_with => 'stores');",
      "select create_distributed_table('product_extra_categories', 'store_id', colocate_with => 'stores');",
      "select create_distributed_table('product_keywords', 'store_id', colocate_with => 'stores');",
      "select create_distributed_table('product_related', 'store_id', colocate_with => 'stores');",
      "select create_distributed_table('store_tags', 'store_id', colocate_with => 'stores');");

  @Test
  void printsTheStoreSchemaWithCompositeKeysFollowedByTheDistributionCalls(CitusDatabase db) throws Exception {
    String[] args = StoreModel.ENTITIES.stream().map(Class::getName).toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = CitusDdl.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    int firstCall = lines.indexOf(CITUS_CALLS.get(0));
    assertThat(firstCall).isGreaterThan(2);
    // The calls come last, referenced tables before the tables referencing them, between the
    // removal and the re-creation of the foreign keys into the reference table: with the
    // coordinator in Citus' metadata, create_reference_table would otherwise turn the tables
    // that reference it into Citus local tables, which cannot be distributed.
    List<String> detach = lines.subList(firstCall - 2, firstCall);
    assertThat(detach).satisfiesExactly(
        l -> assertThat(l).matches("alter table if exists products drop constraint if exists FK\\w+;"),
        l -> assertThat(l).matches("alter table if exists product_extra_categories drop constraint if exists FK\\w+;"));
    int afterCalls = firstCall + CITUS_CALLS.size();
    assertThat(lines.subList(firstCall, afterCalls)).containsExactlyElementsOf(CITUS_CALLS);
    assertThat(lines.subList(afterCalls, lines.size())).satisfiesExactly(
        l -> assertThat(l).startsWith("alter table if exists products add constraint " + constraintOf(detach.get(0)))
            .endsWith("foreign key (category_id) references product_categories;"),
        l -> assertThat(l).startsWith("alter table if exists product_extra_categories add constraint "
            + constraintOf(detach.get(1))).endsWith("foreign key (category_id) references product_categories;"));
    List<String> ddl = lines.subList(0, firstCall - 2);
    assertThat(ddl).anySatisfy(l -> assertThat(l).startsWith("create table line_items")
        .contains("primary key (store_id, line_item_id)"));
    assertThat(ddl).anySatisfy(l -> assertThat(l).startsWith("alter table if exists line_items")
        .contains("foreign key (store_id, order_id) references orders"));
    assertThat(ddl).anySatisfy(l -> assertThat(l).startsWith("create table product_keywords")
        .contains("store_id uuid not null").contains("primary key (store_id, product_id, keyword)"));

    // Without the Citus calls the script is plain PostgreSQL DDL that builds the same keys.
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      for (String statement : ddl) {
        st.execute(statement);
      }
    }
    assertThat(Catalog.keys(db.dataSource(), "line_items")).containsExactlyInAnyOrder(
        "PRIMARY KEY (store_id, line_item_id)",
        "FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, order_id)",
        "FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, product_id)");
  }

  @Test
  @RequiresCitus
  void theWholeScriptDistributesTheTablesOnCitus() throws Exception {
    String[] args = StoreModel.ENTITIES.stream().map(Class::getName).toArray(String[]::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(CitusDdl.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
    try (CitusTestDatabase db = CitusTestDatabase.create().open(); Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (String statement : out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList()) {
        st.execute(statement);
      }
      try (ResultSet rs = st.executeQuery("select count(*) filter (where p.partmethod = 'h'), "
          + "count(distinct p.colocationid) filter (where p.partmethod = 'h') from pg_dist_partition p "
          + "join pg_class c on c.oid = p.logicalrelid join pg_namespace n on n.oid = c.relnamespace "
          + "where n.nspname = current_schema()")) {
        rs.next();
        assertThat(rs.getInt(1)).as("distributed tables").isEqualTo(CITUS_CALLS.size() - 1);
        assertThat(rs.getInt(2)).as("their colocation groups").isOne();
      }
    }
  }

  @Test
  void reportsAMappingCitusCannotDistributeAndFailsWithoutPrinting() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = CitusDdl.run(new String[] {MappingValidationTest.Tenant.class.getName(),
        MappingValidationTest.NullableKey.class.getName()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(1);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Citus cannot distribute this mapping")
        .contains("NullableKey.tenantId: the tenant key is nullable");
  }

  @Test
  void readsTheEntitiesOfAPersistenceUnit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // A class loader that shows this package's unit file as META-INF/persistence.xml, so the
    // test class path does not gain a persistence unit other tests could pick up.
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    ClassLoader units = new ClassLoader(original) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.equals("META-INF/persistence.xml")
            ? Collections.enumeration(List.of(CitusDdlTest.class.getResource("store-persistence.xml")))
            : super.getResources(name);
      }
    };
    int status;
    Thread.currentThread().setContextClassLoader(units);
    try {
      status = CitusDdl.run(new String[] {"--unit", "citus-ddl-store"},
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> calls = new ArrayList<>();
    out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("select ")).forEach(calls::add);
    assertThat(calls).containsExactlyElementsOf(CITUS_CALLS);
  }

  @Test
  void usageWithoutArguments() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(CitusDdl.run(new String[0], new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: CitusDdl");
  }

  private static String constraintOf(String dropStatement) {
    return dropStatement.substring(dropStatement.lastIndexOf(' ') + 1, dropStatement.length() - 1);
  }
}
