package io.citushibernate.matrix;

import static io.citushibernate.matrix.Shape.EXISTING;
import static io.citushibernate.matrix.Shape.NEW;
import static io.citushibernate.matrix.Shape.REMOVABLE;

import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.StringJoiner;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.query.MutationQuery;

/**
 * The operations of the matrix, each written once as a function of a session and run alike
 * through citus-hibernate and through plain Hibernate. An operation's answer is rendered inside
 * its session (see {@link Render}), so lazy loads count.
 *
 * <p>New rows get their tenant key from {@link Run#stamp()}: {@code null} through citus-hibernate,
 * which must fill it, and the tenant for plain Hibernate, as an application without
 * citus-hibernate would write it. Copies of stored rows carry their tenant key, as a detached
 * entity does.
 */
enum Operation {
  PERSIST("persist", (SessionWork) (shape, run, s) -> {
    s.persist(shape.build(s::getReference, NEW, run.stamp(), "persisted", run.tenant()));
    s.flush();
    return "persisted";
  }),
  FIND("find", (SessionWork) (shape, run, s) -> s.find(shape.subject, shape.id(EXISTING, run.tenant()))),
  FIND_OTHER_TENANTS_ID("findOtherTenantsId",
      (SessionWork) (shape, run, s) -> s.find(shape.subject, shape.id(40 + run.tenant() % 3 + 1, run.tenant()))),
  GET_REFERENCE("getReference", (SessionWork) (shape, run, s) -> s.getReference(shape.subject, shape.id(EXISTING, run.tenant()))),
  JPQL("jpql", (SessionWork) (shape, run, s) -> s.createQuery("select e from " + entityName(s, shape) + " e", shape.subject)
      .getResultList()),
  CRITERIA("criteria", (SessionWork) (shape, run, s) -> criteria(shape, s)),
  NATIVE_QUERY("nativeQuery", (SessionWork) (shape, run, s) -> s.createNativeQuery(shape.nativeSql, Object[].class)
      .getResultList()),
  BULK_UPDATE("bulkUpdate", (SessionWork) (shape, run, s) -> s.createMutationQuery(
      "update " + entityName(s, shape) + " e set e." + shape.text + " = :v").setParameter("v", "bulk").executeUpdate()),
  BULK_DELETE("bulkDelete", (SessionWork) (shape, run, s) -> whereId(s, "delete from " + entityName(s, shape) + " e",
      shape.idAttributes(REMOVABLE, run.tenant())).executeUpdate()),
  MERGE("merge", (SessionWork) (shape, run, s) -> s.merge(
      shape.build(s::getReference, EXISTING, run.tenant(), "merged", run.tenant()))),
  MERGE_NEW("mergeNew", (SessionWork) (shape, run, s) -> s.merge(
      shape.build(s::getReference, NEW, run.stamp(), "merged-new", run.tenant()))),
  REMOVE("remove", (SessionWork) (shape, run, s) -> {
    s.remove(s.find(shape.subject, shape.id(EXISTING, run.tenant())));
    s.flush();
    return "removed";
  }),
  REFRESH("refresh", (SessionWork) (shape, run, s) -> {
    Object e = s.find(shape.subject, shape.id(EXISTING, run.tenant()));
    write(e, shape.text, "changed in memory");
    s.refresh(e);
    return e;
  }),
  LOCK("lock", (SessionWork) (shape, run, s) -> s.find(shape.subject, shape.id(EXISTING, run.tenant()),
      LockModeType.PESSIMISTIC_WRITE)),
  NATURAL_ID("naturalId", (SessionWork) (shape, run, s) -> byNaturalId(shape, s)),
  STATELESS_INSERT("statelessInsert", (StatelessWork) (shape, run, s) -> {
    s.insert(shape.build(s::get, NEW, run.stamp(), "inserted", run.tenant()));
    return "inserted";
  }),
  STATELESS_GET("statelessGet", (StatelessWork) (shape, run, s) -> s.get(shape.subject,
      shape.id(EXISTING, run.tenant()))),
  STATELESS_UPDATE("statelessUpdate", (StatelessWork) (shape, run, s) -> {
    s.update(shape.build(s::get, EXISTING, run.tenant(), "updated", run.tenant()));
    return "updated";
  }),
  STATELESS_DELETE("statelessDelete", (StatelessWork) (shape, run, s) -> {
    s.delete(shape.build(s::get, REMOVABLE, run.tenant(), "deleted", run.tenant()));
    return "deleted";
  }),
  STATELESS_UPSERT("statelessUpsert", (StatelessWork) (shape, run, s) -> {
    s.upsert(shape.build(s::get, EXISTING, run.tenant(), "upserted", run.tenant()));
    s.upsert(shape.build(s::get, NEW, run.stamp(), "upserted-new", run.tenant()));
    return "upserted";
  });

  /** The tenant an operation runs for, and the tenant key it gives new rows. */
  record Run(long tenant, Long stamp) {
  }

  /** An operation in a Session. */
  interface SessionWork {
    Object run(Shape shape, Run run, Session s);
  }

  /** An operation in a StatelessSession. */
  interface StatelessWork {
    Object run(Shape shape, Run run, StatelessSession s);
  }

  final String label;
  final SessionWork session;
  final StatelessWork stateless;

  Operation(String label, SessionWork work) {
    this.label = label;
    this.session = work;
    this.stateless = null;
  }

  Operation(String label, StatelessWork work) {
    this.label = label;
    this.session = null;
    this.stateless = work;
  }

  /** Whether the operation means something for {@code shape}. */
  boolean appliesTo(Shape shape) {
    return this != NATURAL_ID || shape.naturalId(EXISTING) != null;
  }

  private static String entityName(Session s, Shape shape) {
    return s.getMetamodel().entity(shape.subject).getName();
  }

  private static Object criteria(Shape shape, Session s) {
    CriteriaBuilder cb = s.getCriteriaBuilder();
    CriteriaQuery<Object> q = cb.createQuery(Object.class);
    Root<?> root = q.from(shape.subject);
    q.select(root).where(cb.isNotNull(root.get(shape.text)));
    return s.createQuery(q).getResultList();
  }

  // deprecated on Hibernate 7 in favour of a method the 6.6 line does not have; the matrix runs on both
  @SuppressWarnings("deprecation")
  private static Object byNaturalId(Shape shape, Session s) {
    return s.bySimpleNaturalId(shape.subject).load(shape.naturalId(EXISTING));
  }

  private static MutationQuery whereId(Session s, String statement, Map<String, Object> id) {
    StringJoiner where = new StringJoiner(" and ", statement + " where ", "");
    id.keySet().forEach(attribute -> where.add("e." + attribute + " = :" + parameter(attribute)));
    MutationQuery q = s.createMutationQuery(where.toString());
    id.forEach((attribute, value) -> q.setParameter(parameter(attribute), value));
    return q;
  }

  private static String parameter(String attribute) {
    return attribute.replace('.', '_');
  }

  private static void write(Object entity, String attribute, Object value) {
    for (Class<?> c = entity.getClass(); c != Object.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(attribute);
        f.setAccessible(true);
        f.set(entity, value);
        return;
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot write " + attribute + " of " + entity.getClass(), e);
      }
    }
    throw new IllegalArgumentException("No attribute " + attribute + " in " + entity.getClass());
  }

  @Override
  public String toString() {
    return label;
  }
}
