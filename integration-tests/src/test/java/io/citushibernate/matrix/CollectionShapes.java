package io.citushibernate.matrix;

import io.citushibernate.annotation.TenantKey;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Collections in tables of their own: element collections (basics, embeddables, a map), a list
 * with an order column, and a many-to-many join table. Row {@link Shape#REMOVABLE} has empty
 * collections; the others hold tenant-specific elements.
 */
final class CollectionShapes {
  private CollectionShapes() {
  }

  /** {@code @ElementCollection} of basics, of embeddables and a map. */
  static final class ElementCollectionShape extends Shape {
    ElementCollectionShape() {
      super("elementCollection", Owner.class, "name",
          "select o.id, o.name, t.tag from owners o join owner_tags t on t.owner_id = o.id order by o.id, t.tag",
          Owner.class);
    }

    @Override
    void seed(Session s, long t) {
      for (long n : seeded(t)) {
        Owner o = (Owner) build(s::getReference, n, t, value("owner", n, t), t);
        if (n == REMOVABLE) {
          o.tags.clear();
          o.addresses.clear();
          o.levels.clear();
        }
        s.persist(o);
      }
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      Owner o = new Owner();
      o.id = n;
      o.accountId = account;
      o.name = text;
      for (long i = 0; i <= tenant % 3; i++) {
        o.tags.add(value("tag" + i, n, tenant));
        o.addresses.add(new Address(value("street" + i, n, tenant), "city" + tenant));
        o.levels.put(value("skill" + i, n, tenant), (int) (tenant * 10 + i));
      }
      return o;
    }
  }

  @Embeddable
  static class Address {
    String street;
    String city;

    protected Address() {
    }

    Address(String street, String city) {
      this.street = street;
      this.city = city;
    }
  }

  @Entity(name = "Owner")
  @Table(name = "owners")
  static class Owner {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String name;
    @ElementCollection
    @CollectionTable(name = "owner_tags", joinColumns = @JoinColumn(name = "owner_id"))
    @Column(name = "tag")
    Set<String> tags = new HashSet<>();
    @ElementCollection
    @CollectionTable(name = "owner_addresses", joinColumns = @JoinColumn(name = "owner_id"))
    List<Address> addresses = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "owner_levels", joinColumns = @JoinColumn(name = "owner_id"))
    @MapKeyColumn(name = "skill")
    @Column(name = "level")
    Map<String, Integer> levels = new HashMap<>();
  }

  /** A {@code @OneToMany @OrderColumn} list whose order differs per tenant. */
  static final class OrderColumnShape extends Shape {
    OrderColumnShape() {
      super("orderColumn", Playlist.class, "name",
          "select t.playlist_id, t.position, t.title from tracks t where t.playlist_id is not null "
              + "order by t.playlist_id, t.position",
          Playlist.class, Track.class);
    }

    @Override
    void seed(Session s, long t) {
      for (long n : seeded(t)) {
        Playlist p = (Playlist) build(s::getReference, n, t, value("playlist", n, t), t);
        if (n == EXISTING || n == 3) {
          for (long i = 0; i < 3; i++) {
            Track track = new Track();
            track.id = 10 * n + (i + t) % 3;
            track.accountId = t;
            track.title = value("track", track.id, t);
            p.tracks.add(track);
          }
        }
        s.persist(p);
      }
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      Playlist p = new Playlist();
      p.id = n;
      p.accountId = account;
      p.name = text;
      return p;
    }
  }

  @Entity(name = "Playlist")
  @Table(name = "playlists")
  static class Playlist {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String name;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "playlist_id")
    @OrderColumn(name = "position")
    List<Track> tracks = new ArrayList<>();
  }

  @Entity(name = "Track")
  @Table(name = "tracks")
  static class Track {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String title;
  }

  /** A {@code @ManyToMany} join table; each tenant enrols student 1 in different courses. */
  static final class ManyToManyShape extends Shape {
    ManyToManyShape() {
      super("manyToMany", Student.class, "name",
          "select e.student_id, e.course_id, c.title from enrollments e join courses c on c.id = e.course_id "
              + "order by e.student_id, e.course_id",
          Student.class, Course.class);
    }

    @Override
    void seed(Session s, long t) {
      for (long c = 1; c <= 3; c++) {
        Course course = new Course();
        course.id = c;
        course.accountId = t;
        course.title = value("course", c, t);
        s.persist(course);
      }
      for (long n : seeded(t)) {
        Student st = (Student) build(s::getReference, n, t, value("student", n, t), t);
        if (n != REMOVABLE) {
          st.courses.add(s.getReference(Course.class, t));
          st.courses.add(s.getReference(Course.class, (n + t) % 3 + 1));
        }
        s.persist(st);
      }
    }

    @Override
    Object build(Refs refs, long n, Long account, String text, long tenant) {
      Student st = new Student();
      st.id = n;
      st.accountId = account;
      st.name = text;
      return st;
    }
  }

  @Entity(name = "Student")
  @Table(name = "students")
  static class Student {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String name;
    @ManyToMany
    @JoinTable(name = "enrollments", joinColumns = @JoinColumn(name = "student_id"),
        inverseJoinColumns = @JoinColumn(name = "course_id"))
    Set<Course> courses = new HashSet<>();
  }

  @Entity(name = "Course")
  @Table(name = "courses")
  static class Course {
    @Id
    Long id;
    @TenantKey
    @Column(name = "account_id", nullable = false, updatable = false)
    Long accountId;
    String title;
  }
}
