package io.citushibernate.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.citushibernate.MissingTenantException;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantPropagation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pooled connection or a pooled thread carries nothing from one tenant to the next: with tenants take turns on the same server backend (and, with parameter binding,
 * on the same server-side prepared statements) and each sees only its rows.
 */
class ConnectionReuseTest {
  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter"})
  void theNextBorrowerOfAConnectionSeesOnlyItsOwnRows(String binding) {
    // two connections (schema creation needs a second one), used by one thread at a time: HikariCP
    // hands the same one back, so tenants take turns on one server backend
    try (Fixture db = Fixture.adAnalytics(2, binding, Map.of())) {
      HostileTenantInputTest.seed(db, 1L, 2L, 3L);
      Map<Integer, Set<Long>> tenantsByBackend = new HashMap<>();
      for (int round = 0; round < 12; round++) { // past pgjdbc's prepareThreshold of 5
        for (long tenant : new long[] {1L, 2L, 3L}) {
          TenantContext.run(tenant, () -> db.sessionFactory.inTransaction(s -> {
            tenantsByBackend.computeIfAbsent(s.createNativeQuery("select pg_backend_pid()", Integer.class)
                .getSingleResult(), k -> new HashSet<>()).add(tenant);
            List<Campaign> campaigns = s.createQuery("from Campaign c where c.monthlyBudget > :min", Campaign.class)
                .setParameter("min", 0).getResultList();
            assertThat(campaigns).singleElement().satisfies(c -> assertThat(c.getCompanyId()).isEqualTo(tenant));
            List<Object> ids = s.createNativeQuery("select company_id from campaigns where id > ?", Object.class)
                .setParameter(1, 0L).getResultList();
            assertThat(ids).singleElement().satisfies(v -> assertThat(((Number) v).longValue()).isEqualTo(tenant));
          }));
        }
        // and a borrower without tenant gets nothing from the previous one
        assertThat(catchMissing(db)).isTrue();
      }
      assertThat(tenantsByBackend.values()).as("server connections served every tenant in turn")
          .anySatisfy(tenants -> assertThat(tenants).containsExactlyInAnyOrder(1L, 2L, 3L));
    }
  }

  @Test
  void aPooledThreadNeverKeepsTheTenantOfItsPreviousTask() throws Exception {
    ExecutorService raw = Executors.newFixedThreadPool(2);
    ExecutorService pool = TenantPropagation.wrap(raw);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        long tenant = 1 + i % 7;
        tasks.add(TenantContext.get(tenant, () -> pool.submit(() -> {
          assertThat(TenantContext.current()).contains(tenant);
          return null;
        })));
        tasks.add(raw.submit(() -> {
          assertThat(TenantContext.current()).isEmpty();
          assertThat(TenantContext.isCrossTenant()).isFalse();
          return null;
        }));
        if (i % 10 == 0) {
          tasks.add(TenantContext.getCrossTenant("test: cross-tenant task", () -> pool.submit(() -> {
            assertThat(TenantContext.isCrossTenant()).isTrue();
            return null;
          })));
          tasks.add(pool.submit(() -> { // submitted without tenant: runs without, whatever ran before
            assertThat(TenantContext.current()).isEmpty();
            assertThat(TenantContext.isCrossTenant()).isFalse();
            return null;
          }));
        }
      }
      for (Future<?> f : tasks) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      raw.shutdown();
    }
  }

  @Test
  void virtualThreadsGetTheTenantOnlyThroughPropagation() throws Exception {
    Method factory;
    try {
      factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
    } catch (NoSuchMethodException e) {
      factory = null;
    }
    assumeThat(factory).as("virtual threads need Java 21").isNotNull();
    try (Fixture db = Fixture.adAnalytics(2, "literal", Map.of())) {
      HostileTenantInputTest.seed(db, 1L, 2L, 3L);
      ExecutorService virtual = (ExecutorService) factory.invoke(null);
      ExecutorService propagating = TenantPropagation.wrap(virtual);
      try {
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          long tenant = 1 + i % 3;
          tasks.add(TenantContext.get(tenant, () -> propagating.submit(() -> {
            List<Campaign> seen = db.sessionFactory.fromSession(s ->
                s.createQuery("from Campaign", Campaign.class).getResultList());
            assertThat(seen).singleElement().satisfies(c -> assertThat(c.getCompanyId()).isEqualTo(tenant));
            return null;
          })));
          tasks.add(TenantContext.get(tenant, () -> virtual.submit(() -> {
            assertThat(TenantContext.current()).isEmpty();
            return null;
          })));
        }
        for (Future<?> f : tasks) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        virtual.shutdown();
      }
    }
  }

  private static boolean catchMissing(Fixture db) {
    try {
      db.sessionFactory.inSession(s -> s.createQuery("from Campaign", Campaign.class).getResultList());
      return false;
    } catch (MissingTenantException e) {
      return true;
    }
  }
}
