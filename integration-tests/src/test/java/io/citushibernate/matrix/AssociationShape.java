package io.citushibernate.matrix;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * A plain {@code @OneToMany(mappedBy)} / {@code @ManyToOne} pair. The subject is the parent; each
 * tenant hangs children 1 to 4 on different parents, so a child loaded for the wrong tenant shows.
 */
final class AssociationShape extends Shape {
  AssociationShape() {
    super("oneToMany", Parent.class, "name",
        "select p.id, p.name, count(c.id) from parents p left join children c on c.parent_id = p.id "
            + "group by p.id, p.name order by p.id",
        Parent.class, Child.class);
  }

  @Entity(name = "Parent")
  @Table(name = "parents")
  static class Parent {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String name;
    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL, orphanRemoval = true)
    List<Child> children = new ArrayList<>();
  }

  @Entity(name = "Child")
  @Table(name = "children")
  static class Child {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String label;
    @ManyToOne(fetch = FetchType.LAZY)
    Parent parent;
  }

  @Override
  void seed(Session s, long t) {
    for (long n : seeded(t)) {
      s.persist(build(s::getReference, n, t, value("parent", n, t), t));
    }
    for (long c = 1; c <= 4; c++) {
      Child child = new Child();
      child.id = c;
      child.accountId = t;
      child.label = value("child", c, t);
      child.parent = s.getReference(Parent.class, (c + t) % 2 == 0 ? EXISTING : 3L);
      s.persist(child);
    }
  }

  @Override
  Object build(Refs refs, long n, Long account, String text, long tenant) {
    Parent p = new Parent();
    p.id = n;
    p.accountId = account;
    p.name = text;
    return p;
  }
}
