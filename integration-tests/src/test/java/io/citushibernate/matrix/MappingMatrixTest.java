package io.citushibernate.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.CitusMappingException;
import io.citushibernate.matrix.Operation.Run;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.CacheMode;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The differential mapping matrix (shape x operation x second-level cache). In each cell, for
 * each of three tenants in turn, the operation runs (a) through citus-hibernate for that tenant
 * on a schema holding all three tenants' rows and (b) through plain Hibernate on a schema holding
 * only that tenant's rows. The answers, the subject rows read back in a fresh session, and that
 * tenant's table contents must be equal, and no other tenant's rows may change. The tenants hold
 * the same ids with different values, and run in turn against one session factory, so a leak, a
 * mix-up or a cache entry of another tenant changes an answer.
 *
 * <p>Cells failing today are listed in {@link KnownFailures} and must fail there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappingMatrixTest {
  static final List<Long> TENANTS = List.of(1L, 2L, 3L);
  static final List<Shape> SHAPES = List.of(new AssociationShape(), new SharedKeyShapes.MapsIdShape(),
      new SharedKeyShapes.PrimaryKeyJoinShape(), InheritanceShape.joined(), InheritanceShape.singleTable(),
      InheritanceShape.tablePerClass(), new TableShapes.SecondaryTableShape(),
      new CollectionShapes.ElementCollectionShape(), new CollectionShapes.OrderColumnShape(),
      new CollectionShapes.ManyToManyShape(), new CompositeIdShapes.IdClassWithTenant(),
      new CompositeIdShapes.EmbeddedIdWithTenant(), new CompositeIdShapes.IdClassWithoutTenant(),
      new CompositeIdShapes.EmbeddedIdWithoutTenant(), new TableShapes.NaturalIdShape());

  /** The databases of the shape whose cells run now; one shape's at a time keeps connections few. */
  private ShapeDatabases current;

  /** The tenancy model citus-hibernate runs the shapes in. */
  ShapeDatabases.Tenancy tenancy() {
    return ShapeDatabases.Tenancy.ROW;
  }

  @AfterAll
  void closeDatabases() {
    if (current != null) {
      current.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> matrix() {
    return SHAPES.stream().map(shape -> DynamicContainer.dynamicContainer(shape.name, cells(shape)));
  }

  /** A row of {@link KnownFailures} that names no cell would hide nothing and prove nothing. */
  @Test
  void everyKnownFailureNamesACell() {
    List<String> ids = new ArrayList<>();
    for (Shape shape : SHAPES) {
      for (Operation op : Operation.values()) {
        if (shape.refusedEntity() == null && op.appliesTo(shape)) {
          ids.add(shape.name + "/" + op + "/l2");
          ids.add(shape.name + "/" + op + "/nol2");
        }
      }
    }
    for (KnownFailures.Known known : KnownFailures.TABLE) {
      assertThat(ids).as("cells named by the known failure %s", known.cell()).anyMatch(known::names);
    }
  }

  private Stream<DynamicNode> cells(Shape shape) {
    if (shape.refusedEntity() != null && tenancy() == ShapeDatabases.Tenancy.ROW) {
      return Stream.of(DynamicTest.dynamicTest(shape.name + "/boot", () -> assertThatThrownBy(() ->
          ShapeDatabases.boot(shape)).isInstanceOf(CitusMappingException.class)
          .hasMessageContaining(shape.refusedEntity())));
    }
    List<DynamicNode> cells = new ArrayList<>();
    for (Operation op : Operation.values()) {
      if (op.appliesTo(shape)) {
        for (boolean cache : List.of(false, true)) {
          String id = shape.name + "/" + op + "/" + (cache ? "l2" : "nol2");
          cells.add(DynamicTest.dynamicTest(id, () -> judge(id, () -> cell(databases(shape), op, cache))));
        }
      }
    }
    return cells.stream();
  }

  private ShapeDatabases databases(Shape shape) {
    if (current == null || current.shape() != shape) {
      closeDatabases();
      current = new ShapeDatabases(shape, tenancy());
    }
    return current;
  }

  /** Runs a cell, holding it to {@link KnownFailures}: an unlisted cell must pass, a listed one must fail. */
  private void judge(String id, Runnable cell) {
    Throwable failure = null;
    boolean citus = false;
    try {
      cell.run();
    } catch (AssertionError | RuntimeException e) {
      failure = e;
    }
    if (current != null) {
      citus = current.plain(false).kind().isCitus();
    }
    // The known failures are differences of the row model, which rewrites what schema mode sends as written
    Optional<KnownFailures.Known> known = tenancy() == ShapeDatabases.Tenancy.ROW ? KnownFailures.of(id, citus)
        : Optional.empty();
    if (known.isEmpty()) {
      if (failure != null) {
        throw new AssertionError(id + ": " + failure, failure);
      }
    } else if (failure == null) {
      fail(id + " passes, but KnownFailures lists it (" + known.get().reason() + "): remove it from the table");
    }
  }

  private static void cell(ShapeDatabases dbs, Operation op, boolean cache) {
    Shape shape = dbs.shape();
    ShapeDatabases.LibrarySide citus = dbs.citus(cache);
    CitusTestDatabase plain = dbs.plain(cache);
    citus.empty();
    for (long t : TENANTS) {
      TenantContext.run(t, () -> seed(citus.sessionFactory(), shape, t));
    }
    Map<Long, Map<String, List<String>>> before = citus.contents();
    for (long tenant : TENANTS) {
      plain.truncateAll();
      seed(plain.sessionFactory(), shape, tenant);
      String expected = answer(plain.sessionFactory(), shape, op, new Run(tenant, tenant));
      String actual = TenantContext.get(tenant, () -> answer(citus.sessionFactory(), shape, op, new Run(tenant, null)));
      assertThat(actual).as("tenant %d: the answer through citus-hibernate, next to plain Hibernate's", tenant)
          .isEqualTo(expected);
      Map<Long, Map<String, List<String>>> after = citus.contents();
      assertThat(TableContents.of(after, tenant)).as("tenant %d: its rows afterwards", tenant)
          .isEqualTo(TableContents.of(TableContents.read(plain), tenant));
      for (long other : TENANTS) {
        if (other != tenant) {
          assertThat(after.get(other)).as("tenant %d's rows after tenant %d's %s", other, tenant, op)
              .isEqualTo(before.get(other));
        }
      }
      before = after;
    }
  }

  private static void seed(SessionFactory sf, Shape shape, long tenant) {
    sf.inTransaction(s -> {
      // the seed is the same rows in every tenant: it is not what the cache cells test
      s.setCacheMode(CacheMode.IGNORE);
      s.persist(new Account(tenant));
      s.flush();
      shape.seed(s, tenant);
    });
  }

  /** What the operation answered, then the subject rows read back in a fresh session. */
  private static String answer(SessionFactory sf, Shape shape, Operation op, Run run) {
    String answer;
    try {
      answer = op.session != null
          ? sf.fromTransaction(s -> Render.of(op.session.run(shape, run, s)))
          : stateless(sf, s -> Render.of(op.stateless.run(shape, run, s)));
    } catch (RuntimeException e) {
      answer = "failed: " + e.getClass().getSimpleName() + (e instanceof CitusHibernateException ? " " + e.getMessage()
          : "");
    }
    String readBack = sf.fromTransaction(s -> {
      List<String> rows = new ArrayList<>();
      for (long n : List.of(Shape.EXISTING, Shape.REMOVABLE, Shape.NEW)) {
        rows.add(Render.of(s.find(shape.subject, shape.id(n, run.tenant()))));
      }
      return String.join("\n", rows);
    });
    return answer + "\nread back:\n" + readBack;
  }

  private static String stateless(SessionFactory sf, java.util.function.Function<StatelessSession, String> work) {
    try (StatelessSession s = sf.openStatelessSession()) {
      Transaction tx = s.beginTransaction();
      try {
        String result = work.apply(s);
        tx.commit();
        return result;
      } catch (RuntimeException e) {
        if (tx.isActive()) {
          tx.rollback();
        }
        throw e;
      }
    }
  }
}
