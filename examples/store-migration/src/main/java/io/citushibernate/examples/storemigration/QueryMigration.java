package io.citushibernate.examples.storemigration;

import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.SqlRecorder;
import io.citushibernate.examples.support.SqlRecorder.Traced;
import io.citushibernate.examples.support.TextTable;
import io.citushibernate.fixtures.store.Order;
import io.citushibernate.tenant.TenantContext;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * The guide's "Query Migration" section, run through Hibernate on the migrated schema. The guide
 * rewrites each query by hand to carry {@code store_id}; here the application code stays as it was
 * before the migration (no store_id anywhere) and runs inside {@code TenantContext.run(storeId, ...)}:
 * citus-hibernate adds {@code store_id = '<store>'} for every tenant table of every statement, which
 * is what lets Citus route it to the one shard holding the store. SQL that already pins a table to
 * the store, such as the guide's hand-migrated queries, keeps that predicate and gets no second one.
 */
public final class QueryMigration {
  static final String ORDER_LOOKUP_HQL = "select o from StoreOrder o where o.id = :id";
  static final String WOOL_PANTS_HQL = "select sum(l.quantity) from LineItem l join l.product p "
      + "where p.name = '" + SampleData.WOOL_PANTS + "'";

  private final SessionFactory sessions;
  private final SqlRecorder recorder;
  private final Report report;

  public QueryMigration(SessionFactory sessions, SqlRecorder recorder, Report report) {
    this.sessions = sessions;
    this.recorder = recorder;
    this.report = report;
  }

  /**
   * Runs the guide's queries as {@code store}; {@code order} is one of its orders and
   * {@code otherStoresOrder} one of another store (or {@code null} with a single store).
   */
  public void run(UUID store, long order, Long otherStoresOrder) {
    report.section("Queries as store " + store);
    report.line("Application code without store_id, run inside TenantContext.run(storeId, ...). Each result is");
    report.line("followed by the SQL the database received, after citus-hibernate's rewrite (? are bind parameters).");
    TenantContext.run(store, () -> {
      orderLookup(store, order, otherStoresOrder);
      woolPants(store);
    });
  }

  private void orderLookup(UUID store, long order, Long otherStoresOrder) {
    step("1. Order details by order_id",
        "guide, before: SELECT * FROM orders WHERE order_id = " + order + ";",
        "guide, after:  SELECT * FROM orders WHERE order_id = " + order + " AND store_id = '" + store + "';",
        "here:          HQL " + ORDER_LOOKUP_HQL);
    Traced<Order> found = recorder.record(() -> sessions.fromSession(s -> s.createQuery(ORDER_LOOKUP_HQL, Order.class)
        .setParameter("id", order).getSingleResultOrNull()));
    TextTable table = new TextTable("order_id", "store_id", "status", "ordered_at");
    if (found.result() != null) {
      Order o = found.result();
      table.row(o.getId(), o.getStore().getId(), o.getStatus(), o.getOrderedAt());
    }
    report.table(table);
    report.sql(found.sql());
    if (otherStoresOrder != null) {
      Traced<Order> other = recorder.record(() -> sessions.fromSession(s -> s.createQuery(ORDER_LOOKUP_HQL,
          Order.class).setParameter("id", otherStoresOrder).getSingleResultOrNull()));
      report.line("Order " + otherStoresOrder + " belongs to another store; as this store the same query finds "
          + (other.result() == null ? "nothing" : "order " + other.result().getId()) + ":");
      report.sql(other.sql());
    }
  }

  private void woolPants(UUID store) {
    String joinOnStore = """
        SELECT sum(l.quantity)
          FROM line_items l
         INNER JOIN products p
            ON l.product_id = p.product_id
           AND l.store_id = p.store_id
         WHERE p.name='%s'
           AND l.store_id='%s'""".formatted(SampleData.WOOL_PANTS, store);
    String filterBoth = """
        SELECT sum(l.quantity)
          FROM line_items l
         INNER JOIN products p ON l.product_id = p.product_id
         WHERE p.name='%s'
           AND l.store_id='%s'
           AND p.store_id='%s'""".formatted(SampleData.WOOL_PANTS, store, store);

    step("2. Awesome Wool Pants sold, the ORM way",
        "guide: SELECT sum(l.quantity) FROM line_items l INNER JOIN products p ON l.product_id = p.product_id "
            + "WHERE p.name='" + SampleData.WOOL_PANTS + "' AND l.store_id='" + store + "' AND p.store_id='"
            + store + "'",
        "here:  HQL " + WOOL_PANTS_HQL,
        "citus-hibernate adds store_id to both tables, the guide's \"filter both tables\" form.");
    Traced<Long> hql = recorder.record(() -> sessions.fromSession(s -> s.createQuery(WOOL_PANTS_HQL, Long.class)
        .getSingleResult()));
    report.table(new TextTable("sum").row(hql.result()));
    report.sql(hql.sql());

    step("3. Awesome Wool Pants sold, the guide's SQL with store_id in the join (native query)",
        "guide: " + oneLine(joinOnStore),
        "Only line_items is pinned to the store in WHERE; citus-hibernate pins products as well.");
    nativeSum(joinOnStore);

    step("4. Awesome Wool Pants sold, the guide's SQL filtering both tables (native query)",
        "guide: " + oneLine(filterBoth),
        "Both tables are already pinned to this store: citus-hibernate adds nothing (idempotent).");
    nativeSum(filterBoth);
  }

  private void nativeSum(String sql) {
    Traced<Long> traced = recorder.record(() -> sessions.fromSession(s -> s.createNativeQuery(sql, Long.class)
        .getSingleResult()));
    report.table(new TextTable("sum").row(traced.result()));
    report.sql(traced.sql());
    boolean asWritten = traced.sql().size() == 1 && squeeze(traced.sql().get(0)).equals(squeeze(sql));
    report.line(asWritten ? "(sent as written, up to layout)" : "(sent with citus-hibernate's additions)");
  }

  /** Compares SQL texts regardless of layout and keyword case: the rewrite re-prints every statement it reads. */
  private static String squeeze(String sql) {
    return sql.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  private static String oneLine(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }

  private void step(String title, String... notes) {
    report.line("");
    report.line("-- " + title);
    for (String note : notes) {
      report.line("   " + note);
    }
  }
}
