package io.citushibernate.crosstenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.citushibernate.AmbiguousIdentityException;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RequiresCitus;
import io.citushibernate.testkit.RoutingCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-tenant scopes over three tenants that hold the same project ids (1 and 2) with different
 * names; tasks, tags and remarks have generated ids. What a cross-tenant scope returns is compared
 * with the union of what each tenant sees in its own scope, so a row paired with another tenant's
 * row, merged or repeated changes the result. On Citus the statements span shards (the routing
 * check lets cross-tenant scopes through) but must not need repartitioning, which Citus refuses.
 */
@CitusTest(entities = {Category.class, Project.class, Tag.class, Task.class, Remark.class})
class CrossTenantScopeTest {
  private static final List<Long> TENANTS = List.of(1L, 2L, 3L);

  SessionFactory sessionFactory;
  CitusDatabase db;

  @BeforeEach
  void threeTenantsWithTheSameProjectIds() {
    TenantContext.runCrossTenant("test fixture: shared categories", () -> sessionFactory.inTransaction(s -> {
      s.persist(new Category(1L, "bug"));
      s.persist(new Category(2L, "idea"));
    }));
    for (long tenant : TENANTS) {
      TenantContext.run(tenant, () -> sessionFactory.inTransaction(s -> {
        Project first = new Project(1L, "alpha of " + tenant);
        Project second = new Project(2L, "beta of " + tenant);
        s.persist(first);
        s.persist(second);
        Tag red = new Tag("red " + tenant);
        Tag blue = new Tag("blue " + tenant);
        s.persist(red);
        s.persist(blue);
        for (int n = 1; n <= 2; n++) {
          Task task = new Task("task " + n + " of " + tenant, n == 1 ? first : second);
          task.getTags().add(red);
          if (n == 2) {
            task.getTags().add(blue);
          }
          task.getLabels().add("label " + n + " of " + tenant);
          s.persist(task);
          s.persist(new Remark("remark on " + n + " of " + tenant, task, s.getReference(Category.class, (long) n)));
        }
      }));
    }
  }

  @Test
  void anEntityQueryOnGeneratedIdsReturnsEachTenantsRowsOnce() {
    Function<Session, List<String>> query = s -> s.createSelectionQuery("select t from Task t", Task.class)
        .getResultList().stream().map(t -> t.getTenantId() + ": " + t.getTitle()).toList();

    List<String> crossTenant = crossTenant(query);

    assertThat(crossTenant).hasSize(6).containsExactlyInAnyOrderElementsOf(perTenantUnion(query));
  }

  @Test
  void aJoinPairsEachTaskWithItsOwnTenantsProject() {
    // without tenant equality in the join, each task meets the project 1 (or 2) of all three tenants
    Function<Session, List<String>> query = s -> s.createSelectionQuery(
        "select t.title, p.name from Task t join t.project p", Object[].class)
        .getResultList().stream().map(r -> r[0] + " in " + r[1]).toList();

    List<String> crossTenant = crossTenant(query);

    assertThat(crossTenant).hasSize(6).contains("task 1 of 2 in alpha of 2")
        .containsExactlyInAnyOrderElementsOf(perTenantUnion(query));
  }

  @Test
  void aScalarProjectionOfAssignedIdsReturnsEveryTenantsRows() {
    Function<Session, List<String>> query = s -> s.createSelectionQuery(
        "select p.id, p.name from Project p", Object[].class)
        .getResultList().stream().map(r -> r[0] + " " + r[1]).toList();

    assertThat(crossTenant(query)).hasSize(6).containsExactlyInAnyOrderElementsOf(perTenantUnion(query));
  }

  @Test
  void entitiesWithAssignedIdsAreRefusedInsteadOfMerged() {
    // each in a session of its own: a session that threw is not used again
    assertRefused(s -> s.createSelectionQuery("select p from Project p", Project.class).getResultList());
    assertRefused(s -> s.find(Project.class, 1L));
    assertRefused(s -> s.createSelectionQuery("select t from Task t join fetch t.project", Task.class).getResultList());
    assertRefused(s -> {
      Task task = s.createSelectionQuery("select t from Task t where t.title = 'task 1 of 3'", Task.class)
          .getSingleResult();
      assertThat(task.getProject().getId()).isEqualTo(1L); // the proxy knows its id ...
      task.getProject().getName(); // ... but not which tenant's project 1 it is
    });
    // Inside a tenant scope the same entities load as usual.
    String name = TenantContext.get(3L, () -> sessionFactory.fromSession(s -> s.find(Project.class, 1L).getName()));
    assertThat(name).isEqualTo("alpha of 3");
  }

  @Test
  void lazyCollectionsAndToOnesLoadTheirOwnTenantsRows() {
    Function<Session, List<String>> query = s -> {
      List<String> out = new ArrayList<>();
      for (Task t : s.createSelectionQuery("select t from Task t", Task.class).getResultList()) {
        out.add(t.getTitle() + " tags " + new TreeSet<>(t.getTags().stream().map(Tag::getName).toList())
            + " labels " + new TreeSet<>(t.getLabels())
            + " remarks " + t.getRemarks().stream().map(r -> r.getText() + " on " + r.getTask().getTitle()).toList());
      }
      return out;
    };

    List<String> crossTenant = crossTenant(query);

    assertThat(crossTenant).hasSize(6).contains("task 2 of 3 tags [blue 3, red 3] labels [label 2 of 3] remarks "
        + "[remark on 2 of 3 on task 2 of 3]").containsExactlyInAnyOrderElementsOf(perTenantUnion(query));
  }

  @Test
  void fetchJoinsAndCollectionSubqueriesJoinOnTheTenant() {
    Function<Session, List<String>> fetched = s -> s.createSelectionQuery(
        "select distinct t from Task t left join fetch t.tags", Task.class).getResultList().stream()
        .map(t -> t.getTitle() + " " + new TreeSet<>(t.getTags().stream().map(Tag::getName).toList())).toList();
    Function<Session, List<String>> sized = s -> s.createSelectionQuery(
        "select t.title from Task t where size(t.tags) = 2 and exists (select 1 from Remark r where r.task = t)",
        String.class).getResultList();

    assertThat(crossTenant(fetched)).hasSize(6).containsExactlyInAnyOrderElementsOf(perTenantUnion(fetched));
    assertThat(crossTenant(sized)).containsExactlyInAnyOrder("task 2 of 1", "task 2 of 2", "task 2 of 3")
        .containsExactlyInAnyOrderElementsOf(perTenantUnion(sized));
  }

  @Test
  void aReferenceTableWriteAfterMultiShardWorkInOneTransaction() {
    TenantContext.runCrossTenant("test: retire a category everywhere", () -> sessionFactory.inTransaction(s -> {
      int renamed = s.createMutationQuery("update Task t set t.title = concat(t.title, ' (retired)') "
          + "where exists (select 1 from Remark r where r.task = t and r.category.id = 2)").executeUpdate();
      assertThat(renamed).isEqualTo(3);
      s.remove(s.find(Category.class, 2L)); // ON DELETE CASCADE removes every tenant's remarks of category 2
    }));

    assertThat(jdbc("select title from ct_tasks where title like '%(retired)' order by title"))
        .containsExactly("task 2 of 1 (retired)", "task 2 of 2 (retired)", "task 2 of 3 (retired)");
    assertThat(jdbc("select text from ct_remarks order by text"))
        .containsExactly("remark on 1 of 1", "remark on 1 of 2", "remark on 1 of 3");
  }

  @Test
  @RequiresCitus
  void citusRefusesAReferenceTableWriteAfterParallelMultiShardWork() {
    // what the library avoids: the same transaction over plain JDBC, in Citus's default parallel mode
    Throwable refusal = RoutingCheck.allowMultiShard(() -> {
      try (Connection c = db.dataSource().getConnection()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.executeUpdate("update ct_tasks set title = title || '!'");
          return catchThrowable(() -> s.executeUpdate("delete from ct_categories where id = 2"));
        } finally {
          c.rollback();
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(refusal).hasMessageContaining("parallel").hasMessageContaining("multi_shard_modify_mode");
  }

  private void assertRefused(Consumer<Session> action) {
    Throwable refusal = TenantContext.getCrossTenant("test: assigned ids",
        () -> catchThrowable(() -> sessionFactory.inSession(action)));
    assertThat(refusal).isInstanceOf(AmbiguousIdentityException.class)
        .hasMessageContaining(Project.class.getName())
        .hasMessageContaining("scalar or DTO projection")
        .hasMessageContaining("TenantContext.run(tenantId");
  }

  private <T> List<T> crossTenant(Function<Session, List<T>> query) {
    return TenantContext.getCrossTenant("test: read across tenants", () -> sessionFactory.fromSession(query::apply));
  }

  private <T> List<T> perTenantUnion(Function<Session, List<T>> query) {
    List<T> all = new ArrayList<>();
    for (long tenant : TENANTS) {
      all.addAll(TenantContext.get(tenant, () -> sessionFactory.fromSession(query::apply)));
    }
    return all;
  }

  /** A text column read past Hibernate, across tenants, to see what was stored. */
  private List<String> jdbc(String sql) {
    return TenantContext.getCrossTenant("test: check what was stored", () -> {
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
        return rows;
      } catch (SQLException e) {
        throw new IllegalStateException(sql, e);
      }
    });
  }
}
