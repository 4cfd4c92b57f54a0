package io.citushibernate.stateless;

import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * Two databases of the shop model: one scoped by citus-hibernate holding three shops whose rows
 * have the same ids and different values, and one of plain Hibernate ({@code
 * citus.hibernate.enabled=false}) holding only the current shop's rows. An operation runs on both;
 * the current shop's rows must then be the same in both, and the other shops' rows unchanged.
 */
final class Shops implements AutoCloseable {
  static final List<Long> SHOPS = List.of(1L, 2L, 3L);
  static final long CURRENT = 2L;
  /** Per table, the columns compared (the tenant column is not one: plain secondary tables lack it). */
  private static final Map<String, String> COLUMNS = Map.of("items", "id, name, price", "tags", "id, label");

  /** One operation, run on both databases; {@code plainTenant} is the shop plain Hibernate must be told, else null. */
  interface Operation {
    void run(StatelessSession session, Long plainTenant);
  }

  final CitusTestDatabase scoped;
  final CitusTestDatabase plain;

  Shops(String binding) {
    List<Class<?>> entities = List.of(Shop.class, Item.class, Tag.class);
    scoped = CitusTestDatabase.create().entities(entities).property("citus.hibernate.tenant_binding", binding).open();
    plain = CitusTestDatabase.create().entities(entities).property("citus.hibernate.enabled", "false")
        .routingCheck(false).open();
  }

  /** Fresh rows: shop t's item and tag i are named after t and i. */
  void seed() {
    scoped.truncateAll();
    plain.truncateAll();
    for (long t : SHOPS) {
      TenantContext.run(t, () -> scoped.sessionFactory().inTransaction(s -> seed(s, t)));
    }
    plain.sessionFactory().inTransaction(s -> seed(s, CURRENT));
    scoped.clearStatements();
  }

  private static void seed(org.hibernate.Session s, long t) {
    Shop shop = new Shop(t, "shop" + t);
    s.persist(shop);
    long last = t == 3 ? 4 : 3; // shop 3 alone has an id 4
    for (long i = 1; i <= last; i++) {
      Item item = new Item(i, "item" + t + "-" + i, (int) (10 * t + i));
      item.setShopId(t);
      s.persist(item);
      Tag tag = new Tag(i, "tag" + t + "-" + i);
      tag.setShop(shop);
      s.persist(tag);
    }
  }

  /** Runs {@code operation} in a stateless transaction: scoped for the current shop, and on plain Hibernate. */
  void onBoth(Operation operation) {
    TenantContext.run(CURRENT, () -> inStateless(scoped.sessionFactory(), s -> operation.run(s, null)));
    inStateless(plain.sessionFactory(), s -> operation.run(s, CURRENT));
  }

  /** Runs {@code work} in a stateless transaction of the scoped database for the current shop. */
  void onScoped(java.util.function.Consumer<StatelessSession> work) {
    TenantContext.run(CURRENT, () -> inStateless(scoped.sessionFactory(), work));
  }

  private static void inStateless(SessionFactory factory, java.util.function.Consumer<StatelessSession> work) {
    try (StatelessSession session = factory.openStatelessSession()) {
      session.getTransaction().begin();
      try {
        work.accept(session);
        session.getTransaction().commit();
      } catch (RuntimeException e) {
        if (session.getTransaction().isActive()) {
          session.getTransaction().rollback();
        }
        throw e;
      }
    }
  }

  /** Per table, a checksum of {@code shop}'s rows in the scoped database. */
  Map<String, String> scopedChecksums(long shop) {
    return checksums(scoped, shop);
  }

  /** Per table, a checksum of the plain database's rows (all of the current shop). */
  Map<String, String> plainChecksums() {
    return checksums(plain, null);
  }

  /** Per shop, its checksums in the scoped database. */
  Map<Long, Map<String, String>> allScopedChecksums() {
    Map<Long, Map<String, String>> all = new LinkedHashMap<>();
    for (long t : SHOPS) {
      all.put(t, scopedChecksums(t));
    }
    return all;
  }

  private static Map<String, String> checksums(CitusTestDatabase db, Long shop) {
    Map<String, String> sums = new LinkedHashMap<>();
    try (Connection c = db.dataSource().getConnection()) {
      for (Map.Entry<String, String> table : new java.util.TreeMap<>(COLUMNS).entrySet()) {
        String rows = "select " + table.getValue() + " from " + db.schema() + "." + table.getKey() + " x"
            + (shop == null ? "" : " where shop_id = " + shop);
        try (PreparedStatement ps = c.prepareStatement("select count(*), coalesce(md5(string_agg(r::text, '|' "
            + "order by r::text)), '') from (" + rows + ") r"); ResultSet rs = ps.executeQuery()) {
          rs.next();
          sums.put(table.getKey(), rs.getLong(1) + ":" + rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return sums;
  }

  @Override
  public void close() {
    try {
      scoped.close();
    } finally {
      plain.close();
    }
  }
}
