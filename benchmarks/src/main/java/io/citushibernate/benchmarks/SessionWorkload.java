package io.citushibernate.benchmarks;

import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * The workload's request and single operations on Hibernate sessions, once for every Hibernate
 * variant ({@link HibernateWorkload}, {@link TenantIdWorkload}); each says how a transaction gets
 * its tenant and how each operation is written.
 */
abstract class SessionWorkload implements Workload {
  /** Runs {@code work} in a transaction of a new session for {@code tenant}. */
  abstract <T> T inTransaction(long tenant, Function<Session, T> work);

  /** Loads campaign {@code k} by id: its monthly budget. */
  abstract int findBudget(Session s, long tenant, int k);

  abstract List<?> list(Session s, long tenant);

  abstract List<?> stats(Session s, long tenant);

  abstract int update(Session s, long tenant, int k);

  abstract Long insert(Session s, long tenant, int k);

  /** Loads campaign {@code k} and initializes its ads: how many. */
  abstract int lazy(Session s, long tenant, int k);

  /** Whether {@link #request} runs the statistics; see {@link Workload#limitations()} when not. */
  boolean statsInRequest() {
    return true;
  }

  @Override
  public final Object request(long tenant, int k) {
    return inTransaction(tenant, s -> {
      int next = (k + 1) % AdAnalyticsDatabase.CAMPAIGNS_PER_TENANT;
      int sum = findBudget(s, tenant, k);
      sum += list(s, tenant).size();
      if (statsInRequest()) {
        sum += stats(s, tenant).size();
      }
      sum += update(s, tenant, k);
      sum += lazy(s, tenant, next);
      insert(s, tenant, k);
      return sum;
    });
  }

  @Override
  public final Object findById(long tenant, int k) {
    return inTransaction(tenant, s -> findBudget(s, tenant, k));
  }

  @Override
  public final Object listCampaigns(long tenant) {
    return inTransaction(tenant, s -> list(s, tenant));
  }

  @Override
  public final Object campaignStats(long tenant) {
    return inTransaction(tenant, s -> stats(s, tenant));
  }

  @Override
  public final Object updateBudget(long tenant, int k) {
    return inTransaction(tenant, s -> update(s, tenant, k));
  }

  @Override
  public final Object insertClick(long tenant, int k) {
    return inTransaction(tenant, s -> insert(s, tenant, k));
  }

  @Override
  public final Object lazyAds(long tenant, int k) {
    return inTransaction(tenant, s -> lazy(s, tenant, k));
  }
}
