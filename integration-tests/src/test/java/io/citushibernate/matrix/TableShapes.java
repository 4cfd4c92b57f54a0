package io.citushibernate.matrix;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import org.hibernate.Session;
import org.hibernate.annotations.NaturalId;

/** Single entities with an unusual table layout: a secondary table, a natural id. */
final class TableShapes {
  private TableShapes() {
  }

  /** A {@code @SecondaryTable} holding an optional note: row {@link Shape#REMOVABLE} has no note row. */
  static final class SecondaryTableShape extends Shape {
    SecondaryTableShape() {
      super("secondaryTable", Item.class, "note",
          "select i.id, i.name, n.note from items i left join item_notes n on n.id = i.id order by i.id",
          Item.class);
    }

    @Override
    void seed(Session s, long t) {
      for (long n : seeded(t)) {
        s.persist(build(s::getReference, n, t, n == REMOVABLE ? null : value("note", n, t), t));
      }
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      Item i = new Item();
      i.id = n;
      i.accountId = account;
      i.name = value("item", n, tenant);
      i.note = text;
      return i;
    }
  }

  @Entity(name = "Item")
  @Table(name = "items")
  @SecondaryTable(name = "item_notes")
  static class Item {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String name;
    @Column(table = "item_notes")
    String note;
  }

  /** A {@code @NaturalId}: every tenant has the same skus on the same ids, with its own names. */
  static final class NaturalIdShape extends Shape {
    NaturalIdShape() {
      super("naturalId", Product.class, "name", "select id, sku, name from products order by id", Product.class);
    }

    @Override
    void seed(Session s, long t) {
      for (long n : seeded(t)) {
        s.persist(build(s::getReference, n, t, value("product", n, t), t));
      }
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      Product p = new Product();
      p.id = n;
      p.accountId = account;
      p.sku = (String) naturalId(n);
      p.name = text;
      return p;
    }

    @Override
    Object naturalId(long n) {
      return "SKU-" + n;
    }
  }

  @Entity(name = "Product")
  @Table(name = "products")
  static class Product {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    @NaturalId
    String sku;
    String name;
  }
}
