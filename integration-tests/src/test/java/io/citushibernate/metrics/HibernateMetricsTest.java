package io.citushibernate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.citushibernate.CitusSettings;
import io.citushibernate.crosstenant.Category;
import io.citushibernate.crosstenant.Project;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RoutingCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The meters of Hibernate's statements (client {@code hibernate}) in a {@link SimpleMeterRegistry}
 * given as {@link CitusSettings#METER_REGISTRY}: two tenants hold projects with the same ids and
 * different names; each statement is counted once by its outcome, refusals by reason, the rewrite
 * cache by hit and miss, and no meter is tagged with a tenant.
 */
@CitusTest(cleanup = false)
class HibernateMetricsTest {
  private static final long FIRST = 31L;
  private static final long SECOND = 47L;
  static DataSource pool;
  static SessionFactory sessions;
  static final MeterRegistry REGISTRY = new SimpleMeterRegistry();

  @BeforeAll
  static void twoTenantsWithTheSameProjectIds() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.connection.datasource", pool);
    settings.put("hibernate.hbm2ddl.auto", "create");
    settings.put("hibernate.session_factory_name", "metrics-test");
    settings.put("hibernate.session_factory_name_is_jndi", "false");
    settings.put(CitusSettings.METER_REGISTRY, REGISTRY);
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    sessions = new MetadataSources(registry).addAnnotatedClass(Project.class).addAnnotatedClass(Category.class)
        .buildMetadata().buildSessionFactory();
    TenantContext.runCrossTenant("metrics test: shared categories",
        () -> sessions.inTransaction(s -> s.persist(new Category(1L, "bug"))));
    for (long tenant : new long[] {FIRST, SECOND}) {
      TenantContext.run(tenant, () -> sessions.inTransaction(s -> {
        s.persist(new Project(1L, "alpha of " + tenant));
        s.persist(new Project(2L, "beta of " + tenant));
      }));
    }
  }

  @AfterAll
  static void close() {
    if (sessions != null) {
      sessions.close();
    }
  }

  @Test
  void eachStatementIsCountedOnceByOutcomeAndRefusalsByReason() {
    Map<String, Double> before = counts();

    String first = TenantContext.get(FIRST, () -> sessions.fromSession(s -> s.find(Project.class, 1L).getName()));
    String second = TenantContext.get(SECOND, () -> sessions.fromSession(s -> s.find(Project.class, 1L).getName()));
    List<String> shared = TenantContext.get(FIRST, () -> sessions.fromSession(s -> s.createSelectionQuery(
        "select c.name from Category c", String.class).getResultList()));
    Long everyProject = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("metrics test: every project",
        () -> sessions.fromSession(s -> s.createSelectionQuery("select count(p) from Project p", Long.class)
            .getSingleResult())));
    assertThat(first).isEqualTo("alpha of " + FIRST);
    assertThat(second).isEqualTo("alpha of " + SECOND);
    assertThat(shared).containsExactly("bug");
    assertThat(everyProject).isEqualTo(4L);
    assertThat(catchThrowable(() -> sessions.fromSession(s -> s.createSelectionQuery(
        "select p.name from Project p", String.class).getResultList()))).isNotNull();
    assertThat(catchThrowable(() -> TenantContext.run(FIRST, () -> sessions.inTransaction(s -> s.createNativeMutationQuery(
        "insert into ct_projects (tenant_id, id, name) values (" + SECOND + ", 9, 'not mine')").executeUpdate()))))
        .isNotNull();
    assertThat(catchThrowable(() -> TenantContext.run(FIRST, () -> sessions.fromSession(s -> s.createNativeQuery(
        "select name from ct_projects where ((", String.class).getResultList())))).isNotNull();

    Map<String, Double> after = counts();
    Map<String, Double> counted = new HashMap<>();
    after.forEach((meter, n) -> {
      double delta = n - before.getOrDefault(meter, 0.0);
      if (delta != 0) {
        counted.put(meter, delta);
      }
    });
    assertThat(counted).containsOnly(
        Map.entry("citus.hibernate.statements outcome=scoped", 2.0),
        Map.entry("citus.hibernate.statements outcome=passed", 1.0),
        Map.entry("citus.hibernate.statements outcome=cross-tenant", 1.0),
        Map.entry("citus.hibernate.statements.refused reason=missing-tenant", 1.0),
        Map.entry("citus.hibernate.statements.refused reason=tenant-mismatch", 1.0),
        Map.entry("citus.hibernate.statements.refused reason=unparseable", 1.0),
        // the second find is the first's statement; the other five are new, the unparseable one is never kept
        Map.entry("citus.hibernate.rewrite.cache.gets result=hit", 1.0),
        Map.entry("citus.hibernate.rewrite.cache.gets result=miss", 6.0),
        Map.entry("citus.hibernate.rewrite.cache.size", 5.0),
        Map.entry("citus.hibernate.rewrite.analysis", 5.0),
        Map.entry("citus.hibernate.cross.tenant.scopes reason=metrics test: every project", 1.0));
    assertThat(REGISTRY.get("citus.hibernate.statements").meters()).hasSize(3)
        .allSatisfy(m -> assertThat(m.getId().getTags()).contains(Tag.of("client", "hibernate"),
            Tag.of("session.factory", "metrics-test")));
    assertThat(REGISTRY.getMeters()).flatExtracting(m -> m.getId().getTags()).extracting(Tag::getValue)
        .isNotEmpty()
        .noneMatch(value -> value.contains(Long.toString(FIRST)) || value.contains(Long.toString(SECOND)));
  }

  /** Every meter's count (a gauge's value, a timer's count), by name and the tag that tells its kind apart. */
  private static Map<String, Double> counts() {
    Map<String, Double> counts = new HashMap<>();
    REGISTRY.getMeters().forEach(meter -> {
      String key = meter.getId().getName() + meter.getId().getTags().stream()
          .filter(t -> !t.getKey().equals("client") && !t.getKey().equals("session.factory"))
          .map(t -> " " + t.getKey() + "=" + t.getValue()).reduce("", String::concat);
      meter.measure().forEach(m -> {
        if (m.getStatistic().name().equals("COUNT") || m.getStatistic().name().equals("VALUE")) {
          counts.merge(key, m.getValue(), Double::sum);
        }
      });
    });
    return counts;
  }
}
