package io.citushibernate.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * One mapping shape of the matrix: its entities and how to make rows of its subject entity, the
 * entity every {@link Operation} works on.
 *
 * <p>Every tenant {@code t} holds subject rows {@link #EXISTING} (with dependents, if the shape has
 * any), {@link #REMOVABLE} (without), 3, and {@code 40 + t} (an id only tenant {@code t} has);
 * {@link #NEW} is free in every tenant, with whatever the shape needs to insert it already there.
 * The same ids carry values that differ per tenant, so a row read or written in the wrong tenant
 * changes an answer.
 */
abstract class Shape {
  static final long EXISTING = 1;
  static final long REMOVABLE = 2;
  static final long NEW = 9;
  static final List<Long> SEEDED = List.of(EXISTING, REMOVABLE, 3L);

  /** How a shape refers to another row it does not create: a reference in a Session, a row in a StatelessSession. */
  interface Refs {
    <T> T ref(Class<T> type, Object id);
  }

  final String name;
  final Class<?> subject;
  /** A String attribute of the subject: bulk updates set it, Criteria filters on it, refresh undoes a change of it. */
  final String text;
  /** A native query on the shape's tables, with an ORDER BY that makes its rows deterministic. */
  final String nativeSql;
  final List<Class<?>> entities;

  Shape(String name, Class<?> subject, String text, String nativeSql, Class<?>... entities) {
    this.name = name;
    this.subject = subject;
    this.text = text;
    this.nativeSql = nativeSql;
    this.entities = new ArrayList<>(List.of(entities));
    this.entities.add(0, Account.class);
  }

  /** The subject ids tenant {@code t} holds. */
  static List<Long> seeded(long t) {
    List<Long> ids = new ArrayList<>(SEEDED);
    ids.add(40 + t);
    return ids;
  }

  /** Persists tenant {@code t}'s rows (its account is there already), every tenant key set to {@code t}. */
  abstract void seed(Session s, long t);

  /**
   * A subject instance numbered {@code n}: a new one, or a detached copy of a stored one.
   *
   * @param account its tenant key, or {@code null} to leave it to citus-hibernate
   * @param tenant the tenant it belongs to, for values that follow the tenant
   */
  abstract Object build(Refs refs, long n, Long account, String text, long tenant);

  /** The identifier of subject row {@code n} of tenant {@code tenant}. */
  Object id(long n, long tenant) {
    return n;
  }

  /** The identifier attributes of subject row {@code n}, for a JPQL predicate. */
  Map<String, Object> idAttributes(long n, long tenant) {
    return Map.of("id", n);
  }

  /** The natural id of subject row {@code n}, or {@code null} when the subject has none. */
  Object naturalId(long n) {
    return null;
  }

  /** The entity whose mapping citus-hibernate refuses at boot, or {@code null} when it boots. */
  String refusedEntity() {
    return null;
  }

  /** A tenant-specific text value of row {@code n}. */
  static String value(String what, long n, long t) {
    return what + "-" + n + "-t" + t;
  }

  @Override
  public String toString() {
    return name;
  }
}
