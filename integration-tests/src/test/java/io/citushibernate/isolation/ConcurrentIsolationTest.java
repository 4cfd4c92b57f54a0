package io.citushibernate.isolation;

import static io.citushibernate.isolation.IsolationWorkload.POOL;
import static io.citushibernate.isolation.IsolationWorkload.TENANTS;
import static io.citushibernate.isolation.IsolationWorkload.THREADS;
import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.isolation.IsolationWorkload.Op;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The randomized {@link IsolationWorkload} once through, in each tenant binding mode: no row of
 * another tenant read or written, every kind of operation run, and at the end the database equal
 * to a replay of the committed operations in a model.
 *
 * <p>{@code -Dcitus.stress.seed=N} changes the seed (default fixed), {@code -Dcitus.stress.operations=N}
 * the number of transactions per binding mode.
 */
class ConcurrentIsolationTest {
  static final long SEED = Long.getLong("citus.stress.seed", 10_2024L);
  static final int TRANSACTIONS = Integer.getInteger("citus.stress.operations", 1200);

  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter"})
  void randomizedWorkloadKeepsEveryTenantToItself(String binding) throws Exception {
    try (Fixture db = IsolationWorkload.database(binding);
        IsolationWorkload workload = new IsolationWorkload(db, Integer.MAX_VALUE)) {
      assertThat(db.poolSize).isLessThan(THREADS);
      long began = System.nanoTime();
      workload.run(SEED, TRANSACTIONS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

      System.out.printf("isolation stress (%s binding, seed %d): %d transactions, %d threads, %d tenants, "
          + "pool %d, %d ms; operations %s%n", binding, SEED, TRANSACTIONS, THREADS, TENANTS, POOL, millis,
          new TreeMap<>(workload.counts()));
      assertThat(workload.failures()).as("isolation violations (seed %d)", SEED).isEmpty();
      assertThat(workload.counts().keySet()).as("every kind of operation ran").containsAll(Set.of(Op.values()));
      workload.verifyDatabaseEqualsModel();
    }
  }
}
