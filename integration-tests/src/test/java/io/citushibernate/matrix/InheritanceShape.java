package io.citushibernate.matrix;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * An animal hierarchy (a dog and a cat subclass) under each inheritance strategy. Row {@code n}
 * of tenant {@code t} is a dog when {@code n + t} is even, else a cat: the same id is a different
 * subclass in neighbouring tenants, so a row of the wrong tenant, or the wrong subclass, shows.
 */
final class InheritanceShape extends Shape {
  private final Supplier<? extends Animal> dog;
  private final Supplier<? extends Animal> cat;

  private InheritanceShape(String name, Class<? extends Animal> root, String nativeSql, Supplier<? extends Animal> dog,
      Supplier<? extends Animal> cat, Class<?>... subclasses) {
    super(name, root, "name", nativeSql, subclasses(root, subclasses));
    this.dog = dog;
    this.cat = cat;
  }

  private static Class<?>[] subclasses(Class<?> root, Class<?>... subclasses) {
    Class<?>[] all = new Class<?>[subclasses.length + 1];
    all[0] = root;
    System.arraycopy(subclasses, 0, all, 1, subclasses.length);
    return all;
  }

  static InheritanceShape joined() {
    return new InheritanceShape("joined", JoinedAnimal.class,
        "select a.id, a.name, d.barks, c.lives from joined_animals a left join joined_dogs d on d.id = a.id "
            + "left join joined_cats c on c.id = a.id order by a.id", JoinedDog::new, JoinedCat::new,
        JoinedDog.class, JoinedCat.class);
  }

  static InheritanceShape singleTable() {
    return new InheritanceShape("singleTable", SingleAnimal.class,
        "select id, kind, name, barks, lives from single_animals order by id", SingleDog::new, SingleCat::new,
        SingleDog.class, SingleCat.class);
  }

  static InheritanceShape tablePerClass() {
    // the root is abstract: a polymorphic read is a union of the two subclass tables
    return new InheritanceShape("tablePerClass", UnionAnimal.class,
        "select id, name, barks from union_dogs union all select id, name, lives from union_cats order by id", UnionDog::new, UnionCat::new,
        UnionDog.class, UnionCat.class);
  }

  @Override
  void seed(Session s, long t) {
    for (long n : seeded(t)) {
      s.persist(build(s::getReference, n, t, value("animal", n, t), t));
    }
  }

  @Override
  Object build(Refs refs, long n, Long account, String text, long tenant) {
    Animal a = (n + tenant) % 2 == 0 ? dog.get() : cat.get();
    a.id = n;
    a.accountId = account;
    a.name = text;
    a.trait((int) (10 * tenant + n));
    return a;
  }

  /** The common attributes of every strategy's root. */
  @MappedSuperclass
  abstract static class Animal {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String name;

    /** Sets the subclass's own attribute. */
    abstract void trait(int value);
  }

  @Entity(name = "JoinedAnimal")
  @Table(name = "joined_animals")
  @Inheritance(strategy = InheritanceType.JOINED)
  abstract static class JoinedAnimal extends Animal {
  }

  @Entity(name = "JoinedDog")
  @Table(name = "joined_dogs")
  static class JoinedDog extends JoinedAnimal {
    Integer barks;

    @Override
    void trait(int value) {
      barks = value;
    }
  }

  @Entity(name = "JoinedCat")
  @Table(name = "joined_cats")
  static class JoinedCat extends JoinedAnimal {
    Integer lives;

    @Override
    void trait(int value) {
      lives = value;
    }
  }

  @Entity(name = "SingleAnimal")
  @Table(name = "single_animals")
  @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
  @DiscriminatorColumn(name = "kind")
  abstract static class SingleAnimal extends Animal {
  }

  @Entity(name = "SingleDog")
  static class SingleDog extends SingleAnimal {
    Integer barks;

    @Override
    void trait(int value) {
      barks = value;
    }
  }

  @Entity(name = "SingleCat")
  static class SingleCat extends SingleAnimal {
    Integer lives;

    @Override
    void trait(int value) {
      lives = value;
    }
  }

  @Entity(name = "UnionAnimal")
  @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
  abstract static class UnionAnimal extends Animal {
  }

  @Entity(name = "UnionDog")
  @Table(name = "union_dogs")
  static class UnionDog extends UnionAnimal {
    Integer barks;

    @Override
    void trait(int value) {
      barks = value;
    }
  }

  @Entity(name = "UnionCat")
  @Table(name = "union_cats")
  static class UnionCat extends UnionAnimal {
    Integer lives;

    @Override
    void trait(int value) {
      lives = value;
    }
  }
}
