package io.citushibernate.matrix;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import org.hibernate.Session;

/** The two shared-primary-key one-to-ones: {@code @MapsId} and {@code @PrimaryKeyJoinColumn}. */
final class SharedKeyShapes {
  private SharedKeyShapes() {
  }

  /** A profile whose id is its user's ({@code @OneToOne @MapsId}); users 1-3, 9 and 40+t exist. */
  static final class MapsIdShape extends Shape {
    MapsIdShape() {
      super("mapsId", Profile.class, "bio",
          "select p.user_id, p.bio, u.name from profiles p join users u on u.id = p.user_id order by p.user_id",
          User.class, Profile.class);
    }

    @Override
    void seed(Session s, long t) {
      for (long n : seeded(t)) {
        s.persist(user(n, t));
      }
      s.persist(user(NEW, t));
      for (long n : seeded(t)) {
        s.persist(build(s::getReference, n, t, value("bio", n, t), t));
      }
    }

    private static User user(long n, long t) {
      User u = new User();
      u.id = n;
      u.accountId = t;
      u.name = value("user", n, t);
      return u;
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      Profile p = new Profile();
      p.id = n;
      p.accountId = account;
      p.bio = text;
      p.user = refs.ref(User.class, n);
      return p;
    }
  }

  @Entity(name = "User")
  @Table(name = "users")
  static class User {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String name;
  }

  @Entity(name = "Profile")
  @Table(name = "profiles")
  static class Profile {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String bio;
    @MapsId
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    User user;
  }

  /** A person and its optional passport sharing its id ({@code @OneToOne @PrimaryKeyJoinColumn}). */
  static final class PrimaryKeyJoinShape extends Shape {
    PrimaryKeyJoinShape() {
      super("primaryKeyJoin", Person.class, "name",
          "select p.id, p.name, d.number from persons p left join passports d on d.id = p.id order by p.id",
          Person.class, Passport.class);
    }

    @Override
    void seed(Session s, long t) {
      for (long n : seeded(t)) {
        Person p = (Person) build(s::getReference, n, t, value("person", n, t), t);
        if (n == EXISTING || n == 40 + t || (n == 3 && t == 2)) {
          Passport d = new Passport();
          d.id = n;
          d.accountId = t;
          d.number = value("passport", n, t);
          s.persist(d);
          p.passport = d;
        }
        s.persist(p);
      }
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      Person p = new Person();
      p.id = n;
      p.accountId = account;
      p.name = text;
      return p;
    }
  }

  @Entity(name = "Person")
  @Table(name = "persons")
  static class Person {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String name;
    @OneToOne(fetch = FetchType.LAZY)
    @PrimaryKeyJoinColumn
    Passport passport;
  }

  @Entity(name = "Passport")
  @Table(name = "passports")
  static class Passport {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String number;
  }
}
