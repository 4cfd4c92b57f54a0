package io.citushibernate.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Click;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantPropagation;
import io.citushibernate.tenant.TenantScope;
import io.citushibernate.testing.Routing;
import io.citushibernate.testkit.RoutingCheck;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.hibernate.CacheMode;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.jpa.SpecHints;

/**
 * The randomized isolation workload of {@link ConcurrentIsolationTest} and {@link SoakTest}:
 * {@value #THREADS} threads switch between {@value #TENANTS} tenants over a pool of {@value #POOL}
 * connections and run a random mix of persist, merge, remove, find, JPQL, Criteria, native SQL,
 * bulk update/delete, lazy loads and cached queries, a quarter of the transactions on a shared
 * executor through {@link TenantPropagation}. Every row read must carry the current tenant (a
 * violation is recorded in {@link #failures()}); {@link #verifyDatabaseEqualsModel()} compares the
 * database with a replay of the committed operations in a model.
 *
 * <p>A tenant is worked on by one thread at a time (a lock per tenant), so its model is exact. The
 * worker threads live as long as the workload, so {@link #run} can be called again and again on
 * the same threads (a soak must not hide what piles up in a thread's locals behind fresh threads).
 */
final class IsolationWorkload implements AutoCloseable {
  static final int THREADS = 32;
  static final int TENANTS = 240;
  static final int POOL = 8;
  /** Queries run with {@code setCacheable(true)}: each caches one result per tenant scope. */
  static final int CACHED_QUERIES = 2;
  /** Campaigns remembered for the foreign-tenant operations; later ones replace earlier ones. */
  private static final int REMEMBERED_CAMPAIGNS = 4096;

  /** What one tenant's rows must be; guarded by {@link #lock}. */
  static final class Expected {
    final ReentrantLock lock = new ReentrantLock();
    Map<Long, CampaignRow> campaigns = new HashMap<>();
    Map<Long, AdRow> ads = new HashMap<>();
    Map<Long, Long> clicks = new HashMap<>(); // click id -> ad id

    Expected copy() {
      Expected c = new Expected();
      c.campaigns = new HashMap<>(campaigns);
      c.ads = new HashMap<>(ads);
      c.clicks = new HashMap<>(clicks);
      return c;
    }

    void adopt(Expected staged) {
      campaigns = staged.campaigns;
      ads = staged.ads;
      clicks = staged.clicks;
    }

    Set<Long> adsOf(long campaign) {
      return ads.entrySet().stream().filter(e -> e.getValue().campaign() == campaign).map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    Set<Long> clicksOf(long ad) {
      return clicks.entrySet().stream().filter(e -> e.getValue() == ad).map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }
  }

  record CampaignRow(String name, Integer budget) {
  }

  record AdRow(long campaign, String name, long clicks) {
  }

  /** Thrown on purpose to roll a transaction back. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super("intended rollback", null, false, false);
    }
  }

  enum Op {
    PERSIST, MERGE, MERGE_NEW, REMOVE_AD, REMOVE_CAMPAIGN, FIND, FOREIGN_FIND, JPQL, CRITERIA, NATIVE, NATIVE_JOIN,
    BULK_UPDATE, BULK_DELETE_CLICKS, BULK_DELETE_ADS, NATIVE_BULK_UPDATE, LAZY_COLLECTION, LAZY_PROXY, CACHED_COUNT,
    FOREIGN_MERGE, FOREIGN_REMOVE, CROSS_TENANT_COUNT, PROPAGATED_TX, ABORTED_TX, LEAK_PROBE
  }

  private final Fixture db;
  private final int campaignsPerTenant;
  private final Map<Long, Expected> model;
  /** {id, tenant} of campaigns created so far, at most {@link #REMEMBERED_CAMPAIGNS}; guarded by itself. */
  private final List<long[]> campaignOwners = new ArrayList<>();
  private long campaignsCreated;
  private final Map<Op, LongAdder> counts = new ConcurrentHashMap<>();
  private final LongAdder transactions = new LongAdder();
  /** The first failures, with the worker, transaction and tenant to reproduce them. */
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final ExecutorService workers = Executors.newFixedThreadPool(THREADS);
  private final ExecutorService shared = Executors.newFixedThreadPool(4);
  private final ExecutorService propagating = TenantPropagation.wrap(shared);

  /**
   * The workload on {@code db}, seeded with a company, a campaign and an ad per tenant.
   *
   * @param campaignsPerTenant how many campaigns a tenant may have before the operations that
   *     create one remove one instead ({@link Integer#MAX_VALUE}: no limit); a soak keeps its data
   *     from growing with it, so that what grows is a leak
   */
  IsolationWorkload(Fixture db, int campaignsPerTenant) {
    this.db = db;
    this.campaignsPerTenant = campaignsPerTenant;
    this.model = seed(db);
    model.forEach((t, e) -> e.campaigns.keySet().forEach(id -> rememberCampaign(id, t)));
  }

  /** A database for the workload: tenants bound as {@code binding}, pool of {@value #POOL}, caches on. */
  static Fixture database(String binding) {
    return database(binding, Map.of());
  }

  /** The same with more Hibernate {@code settings}. */
  static Fixture database(String binding, Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put("hibernate.cache.auto_evict_collection_cache", "true");
    return Fixture.adAnalytics(POOL, binding, all);
  }

  /**
   * Runs {@code transactions} random transactions spread over the {@value #THREADS} workers, worker
   * {@code w} drawing from {@code new Random(seed * 1_000_003 + w)}; a worker stops early after 20
   * failures. Returns when every worker is done.
   */
  void run(long seed, int transactions) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < THREADS; w++) {
      int worker = w;
      int share = transactions / THREADS + (w < transactions % THREADS ? 1 : 0);
      done.add(workers.submit(() -> {
        start.await();
        Worker work = new Worker(new java.util.Random(seed * 1_000_003L + worker));
        for (int i = 0; i < share && failures.size() < 20; i++) {
          work.transaction(worker, i);
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(10, TimeUnit.MINUTES);
    }
  }

  /** The isolation violations and unexpected errors recorded so far. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** How often each kind of operation ran so far. */
  Map<Op, Long> counts() {
    Map<Op, Long> sums = new EnumMap<>(Op.class);
    counts.forEach((op, n) -> sums.put(op, n.sum()));
    return sums;
  }

  /** Transactions started so far, cross-tenant ones included. */
  long transactions() {
    return transactions.sum();
  }

  /** Campaigns, ads and clicks the model holds now. */
  long modelRows() {
    long rows = 0;
    for (Expected e : model.values()) {
      e.lock.lock();
      try {
        rows += e.campaigns.size() + e.ads.size() + e.clicks.size();
      } finally {
        e.lock.unlock();
      }
    }
    return rows;
  }

  @Override
  public void close() {
    workers.shutdown();
    shared.shutdown();
  }

  private static Map<Long, Expected> seed(Fixture db) {
    Map<Long, Expected> model = new ConcurrentHashMap<>();
    TenantContext.runCrossTenant("test fixture: " + TENANTS + " tenants", () -> db.sessionFactory.inTransaction(s -> {
      for (long t = 1; t <= TENANTS; t++) {
        s.persist(new Company(t, "Company " + t));
        Expected e = new Expected();
        Campaign campaign = new Campaign("seed-" + t, "running", (int) t);
        campaign.setCompanyId(t);
        s.persist(campaign);
        e.campaigns.put(campaign.getId(), new CampaignRow(campaign.getName(), (int) t));
        Ad ad = new Ad(campaign, "seed-ad-" + t, 0, t % 7);
        ad.setCompany(s.getReference(Company.class, t));
        s.persist(ad);
        e.ads.put(ad.getId(), new AdRow(campaign.getId(), ad.getName(), t % 7));
        model.put(t, e);
      }
    }));
    return model;
  }

  /** Asserts that the database holds exactly the model's rows, each row's references within its tenant. */
  void verifyDatabaseEqualsModel() {
    Map<Long, Map<Long, CampaignRow>> campaigns = new HashMap<>();
    for (Object[] r : db.jdbc("select company_id, id, name, monthly_budget from campaigns")) {
      campaigns.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
          .put(((Number) r[1]).longValue(), new CampaignRow((String) r[2], r[3] == null ? null : ((Number) r[3]).intValue()));
    }
    Map<Long, Map<Long, AdRow>> ads = new HashMap<>();
    for (Object[] r : db.jdbc("select company_id, id, campaign_id, name, clicks_count from ads")) {
      ads.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
          .put(((Number) r[1]).longValue(), new AdRow(((Number) r[2]).longValue(), (String) r[3], ((Number) r[4]).longValue()));
    }
    Map<Long, Map<Long, Long>> clicks = new HashMap<>();
    for (Object[] r : db.jdbc("select company_id, id, ad_id from clicks")) {
      clicks.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
          .put(((Number) r[1]).longValue(), ((Number) r[2]).longValue());
    }
    assertThat(db.jdbcLong("select count(*) from companies")).isEqualTo(TENANTS);
    Set<Long> tenants = new HashSet<>(model.keySet());
    assertThat(tenants).containsAll(campaigns.keySet()).containsAll(ads.keySet()).containsAll(clicks.keySet());
    for (long t : tenants) {
      Expected e = model.get(t);
      assertThat(campaigns.getOrDefault(t, Map.of())).as("campaigns of tenant %d", t).isEqualTo(e.campaigns);
      assertThat(ads.getOrDefault(t, Map.of())).as("ads of tenant %d", t).isEqualTo(e.ads);
      assertThat(clicks.getOrDefault(t, Map.of())).as("clicks of tenant %d", t).isEqualTo(e.clicks);
    }
    // ads and their campaign, clicks and their ad: always the same tenant (joined here, not in SQL: on
    // Citus a join on the ids, not on the tenant column, would need repartitioning)
    Map<Long, Long> campaignOwner = new HashMap<>();
    campaigns.forEach((t, rows) -> rows.keySet().forEach(id -> campaignOwner.put(id, t)));
    Map<Long, Long> adOwner = new HashMap<>();
    ads.forEach((t, rows) -> rows.keySet().forEach(id -> adOwner.put(id, t)));
    ads.forEach((t, rows) -> rows.forEach((id, ad) ->
        assertThat(campaignOwner.get(ad.campaign())).as("tenant of the campaign of ad %d", id).isEqualTo(t)));
    clicks.forEach((t, rows) -> rows.forEach((id, ad) ->
        assertThat(adOwner.get(ad)).as("tenant of the ad of click %d", id).isEqualTo(t)));
  }

  /** One worker thread's random transactions. */
  private final class Worker {
    final java.util.Random random;

    Worker(java.util.Random random) {
      this.random = random;
    }

    void transaction(int worker, int index) throws Exception {
      transactions.increment();
      if (index % 50 == 0) {
        db.clearStatements(); // the recording is not needed here; keep it small
      }
      if (random.nextInt(50) == 0) {
        crossTenantCount();
        return;
      }
      long tenant = 1 + random.nextInt(TENANTS);
      Expected expected = model.get(tenant);
      Op[] ops = new Op[1 + random.nextInt(4)];
      for (int i = 0; i < ops.length; i++) {
        ops[i] = pick();
      }
      boolean abort = random.nextInt(12) == 0;
      boolean viaExecutor = random.nextInt(4) == 0;
      long opSeed = random.nextLong();
      expected.lock.lock();
      try {
        if (expected.campaigns.size() >= campaignsPerTenant) { // the tenant is full: take instead of adding
          for (int i = 0; i < ops.length; i++) {
            ops[i] = ops[i] == Op.PERSIST || ops[i] == Op.MERGE_NEW ? Op.REMOVE_CAMPAIGN : ops[i];
          }
        }
        Expected staged = expected.copy();
        Runnable work = () -> {
          check(TenantContext.current().orElse(null), tenant, "tenant inside the transaction");
          java.util.Random r = new java.util.Random(opSeed);
          try {
            db.sessionFactory.inTransaction(s -> {
              for (Op op : ops) {
                run(op, s, tenant, staged, r);
                count(op);
                if (op.name().startsWith("BULK") || op.name().startsWith("NATIVE_BULK")) {
                  readPastSecondLevelCache(s);
                }
              }
              if (abort) {
                throw new Abort();
              }
            });
          } catch (Abort e) {
            count(Op.ABORTED_TX);
            return;
          }
          expected.adopt(staged);
        };
        TenantScope scope = TenantContext.open(tenant);
        try {
          if (viaExecutor) {
            propagating.submit(work).get();
            count(Op.PROPAGATED_TX);
          } else {
            work.run();
          }
        } finally {
          scope.close();
        }
        if (viaExecutor) {
          shared.submit(this::leakProbe).get();
        }
      } catch (Exception | AssertionError e) {
        failures.add("worker " + worker + " transaction " + index + " tenant " + tenant + " ops "
            + List.of(ops) + ": " + e);
        e.printStackTrace();
      } finally {
        expected.lock.unlock();
      }
      check(TenantContext.current().orElse(null), null, "tenant left on the worker thread after the transaction");
      if (TenantContext.isCrossTenant()) {
        failures.add("cross-tenant scope left on worker " + worker);
      }
    }

    private Op pick() {
      Op[] choices = {Op.PERSIST, Op.PERSIST, Op.MERGE, Op.MERGE_NEW, Op.REMOVE_AD, Op.REMOVE_CAMPAIGN, Op.FIND,
          Op.FOREIGN_FIND, Op.JPQL, Op.CRITERIA, Op.NATIVE, Op.NATIVE_JOIN, Op.BULK_UPDATE, Op.BULK_DELETE_CLICKS,
          Op.BULK_DELETE_ADS, Op.NATIVE_BULK_UPDATE, Op.LAZY_COLLECTION, Op.LAZY_PROXY, Op.CACHED_COUNT,
          Op.CACHED_COUNT, Op.FOREIGN_MERGE, Op.FOREIGN_REMOVE};
      return choices[random.nextInt(choices.length)];
    }

    /** A task on a pooled thread that was not wrapped: it must find no tenant there. */
    private void leakProbe() {
      count(Op.LEAK_PROBE);
      check(TenantContext.current().orElse(null), null, "tenant leaked into the next task of a pooled thread");
      try {
        db.sessionFactory.inSession(s -> s.createQuery("select count(c) from Campaign c", Long.class).getSingleResult());
        failures.add("a query on a pooled thread without tenant was sent");
      } catch (MissingTenantException expected) {
        // no tenant: refused
      }
    }

    private void crossTenantCount() {
      count(Op.CROSS_TENANT_COUNT);
      // multi-shard on purpose: cross-tenant work in the mix
      long all = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("stress: count all ads",
          () -> db.sessionFactory.fromSession(s -> s.createQuery("select count(a) from Ad a", Long.class)
              .setCacheable(true).getSingleResult())));
      if (all < 0) {
        failures.add("negative count");
      }
    }

    private void run(Op op, Session s, long tenant, Expected e, java.util.Random r) {
      switch (op) {
        case PERSIST -> {
          Campaign c = new Campaign("p-" + r.nextInt(1_000_000), r.nextBoolean() ? "running" : "paused", r.nextInt(5000));
          s.persist(c);
          check(c.getCompanyId(), tenant, "tenant key filled by persist");
          e.campaigns.put(c.getId(), new CampaignRow(c.getName(), c.getMonthlyBudget()));
          rememberCampaign(c.getId(), tenant);
          for (int i = r.nextInt(3); i > 0; i--) {
            Ad ad = new Ad(c, "ad-" + r.nextInt(1_000_000), r.nextInt(100), r.nextInt(20));
            s.persist(ad);
            c.getAds().add(ad);
            check(ad.getCompany().getId(), tenant, "tenant association filled by persist");
            e.ads.put(ad.getId(), new AdRow(c.getId(), ad.getName(), ad.getClicksCount()));
            for (int k = r.nextInt(3); k > 0; k--) {
              Click click = new Click(ad, Map.of("agent", "stress", "is_mobile", r.nextBoolean()));
              s.persist(click);
              check(click.getCompanyId(), tenant, "tenant key of a click");
              e.clicks.put(click.getId(), ad.getId());
            }
          }
        }
        case MERGE -> {
          Long id = any(e.campaigns.keySet(), r);
          if (id == null) {
            return;
          }
          // flush: detaching a campaign persisted in this transaction would cancel its insert; clear: an
          // ad loaded earlier would keep pointing at the detached campaign, whose lazy ads then cannot load
          s.flush();
          s.clear();
          Campaign c = s.find(Campaign.class, id);
          check(c == null ? null : c.getCompanyId(), tenant, "find of an own campaign");
          s.detach(c);
          c.setName("m-" + r.nextInt(1_000_000));
          c.setMonthlyBudget(r.nextInt(5000));
          Campaign merged = s.merge(c);
          check(merged.getCompanyId(), tenant, "merged campaign");
          e.campaigns.put(id, new CampaignRow(merged.getName(), merged.getMonthlyBudget()));
        }
        case MERGE_NEW -> {
          Campaign merged = s.merge(new Campaign("n-" + r.nextInt(1_000_000), "running", r.nextInt(5000)));
          s.flush();
          check(merged.getCompanyId(), tenant, "tenant key of a campaign created by merge");
          e.campaigns.put(merged.getId(), new CampaignRow(merged.getName(), merged.getMonthlyBudget()));
          rememberCampaign(merged.getId(), tenant);
        }
        case REMOVE_AD -> {
          Long id = any(e.ads.keySet(), r);
          if (id == null) {
            return;
          }
          Ad ad = s.find(Ad.class, id);
          check(ad == null ? null : ad.getCompany().getId(), tenant, "find of an own ad");
          for (Click k : s.createQuery("from Click k where k.ad.id = :id", Click.class).setParameter("id", id)
              .getResultList()) {
            check(k.getCompanyId(), tenant, "click read by JPQL");
            s.remove(k);
            e.clicks.remove(k.getId());
          }
          ad.getCampaign().getAds().remove(ad);
          s.remove(ad);
          e.ads.remove(id);
          assertThat(e.clicksOf(id)).as("clicks of removed ad %d", id).isEmpty();
        }
        case REMOVE_CAMPAIGN -> {
          Long id = any(e.campaigns.keySet(), r);
          if (id == null) {
            return;
          }
          // the bulk delete below leaves clicks persisted earlier in this transaction managed, and
          // flushing them after their ad is removed fails: start from an empty persistence context
          s.flush();
          s.clear();
          Campaign c = s.find(Campaign.class, id);
          check(c == null ? null : c.getCompanyId(), tenant, "find of an own campaign");
          for (Ad ad : List.copyOf(c.getAds())) { // lazy collection
            check(ad.getCompany().getId(), tenant, "ad of a lazy collection");
            s.createMutationQuery("delete from Click k where k.ad.id = :id").setParameter("id", ad.getId())
                .executeUpdate();
            e.adsOf(id).forEach(a -> e.clicksOf(a).forEach(e.clicks::remove));
            s.remove(ad);
            e.ads.remove(ad.getId());
          }
          s.remove(c);
          e.campaigns.remove(id);
          assertThat(e.adsOf(id)).as("ads of removed campaign %d", id).isEmpty();
        }
        case FIND -> {
          Long id = any(e.campaigns.keySet(), r);
          if (id != null) {
            Campaign c = s.find(Campaign.class, id);
            check(c == null ? null : c.getCompanyId(), tenant, "find of an own campaign");
            check(new CampaignRow(c.getName(), c.getMonthlyBudget()), e.campaigns.get(id), "campaign " + id);
          }
          Company own = s.find(Company.class, tenant);
          check(own == null ? null : own.getId(), tenant, "own company");
        }
        case FOREIGN_FIND -> {
          long[] foreign = foreign(tenant, r);
          if (foreign != null) {
            check(s.find(Campaign.class, foreign[0]), null, "find of tenant " + foreign[1] + "'s campaign");
          }
          long other = 1 + (tenant + r.nextInt(TENANTS - 1)) % TENANTS;
          check(Routing.analyzerBlindSpot(db.database, "the tenant and another tenant's id pin companies to two "
              + "values at once, which Citus prunes to no shard", () -> s.find(Company.class, other)), null,
              "find of company " + other);
        }
        case JPQL -> {
          s.flush();
          List<Campaign> all = s.createQuery("select c from Campaign c", Campaign.class).getResultList();
          all.forEach(c -> check(c.getCompanyId(), tenant, "campaign read by JPQL"));
          check(ids(all.stream().map(Campaign::getId)), e.campaigns.keySet(), "campaigns by JPQL");
          List<Object[]> joined = s.createQuery("select a.id, c.companyId from Ad a join a.campaign c", Object[].class)
              .getResultList();
          joined.forEach(row -> check(row[1], tenant, "campaign joined to an ad"));
          check(ids(joined.stream().map(row -> (Long) row[0])), e.ads.keySet(), "ads by JPQL join");
        }
        case CRITERIA -> {
          long min = r.nextInt(25);
          CriteriaBuilder cb = s.getCriteriaBuilder();
          CriteriaQuery<Ad> q = cb.createQuery(Ad.class);
          Root<Ad> ad = q.from(Ad.class);
          q.select(ad).where(cb.ge(ad.get("clicksCount"), min));
          List<Ad> found = s.createQuery(q).getResultList();
          found.forEach(a -> check(a.getCompany().getId(), tenant, "ad read by Criteria"));
          check(ids(found.stream().map(Ad::getId)), e.ads.entrySet().stream().filter(x -> x.getValue().clicks() >= min)
              .map(Map.Entry::getKey).collect(Collectors.toSet()), "ads with clicks >= " + min);
        }
        case NATIVE -> {
          s.flush();
          List<Object[]> rows = s.createNativeQuery("select id, company_id, clicks_count from ads", Object[].class)
              .getResultList();
          Map<Long, Long> clicks = new HashMap<>();
          for (Object[] row : rows) {
            check(((Number) row[1]).longValue(), tenant, "ad read by native SQL");
            clicks.put(((Number) row[0]).longValue(), ((Number) row[2]).longValue());
          }
          check(clicks, e.ads.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, x -> x.getValue().clicks())),
              "ads by native SQL");
        }
        case NATIVE_JOIN -> {
          s.flush();
          List<Object[]> rows = s.createNativeQuery("select k.id, k.company_id, a.company_id, c.company_id from clicks k "
              + "join ads a on a.id = k.ad_id join campaigns c on c.id = a.campaign_id", Object[].class).getResultList();
          for (Object[] row : rows) {
            for (int i = 1; i <= 3; i++) {
              check(((Number) row[i]).longValue(), tenant, "row of a native join");
            }
          }
          check(ids(rows.stream().map(row -> ((Number) row[0]).longValue())), e.clicks.keySet(), "clicks by native join");
        }
        case BULK_UPDATE -> {
          s.flush();
          long max = r.nextInt(25);
          int n = s.createMutationQuery("update Ad a set a.clicksCount = a.clicksCount + 1 where a.clicksCount < :max")
              .setParameter("max", max).executeUpdate();
          List<Long> hit = e.ads.entrySet().stream().filter(x -> x.getValue().clicks() < max).map(Map.Entry::getKey).toList();
          check(n, hit.size(), "rows of a bulk update");
          hit.forEach(id -> e.ads.computeIfPresent(id, (k, v) -> new AdRow(v.campaign(), v.name(), v.clicks() + 1)));
          s.clear();
        }
        case BULK_DELETE_CLICKS -> {
          Long ad = any(e.ads.keySet(), r);
          if (ad == null) {
            return;
          }
          s.flush();
          int n = s.createMutationQuery("delete from Click k where k.ad.id = :id").setParameter("id", ad).executeUpdate();
          Set<Long> gone = e.clicksOf(ad);
          check(n, gone.size(), "rows of a bulk delete");
          gone.forEach(e.clicks::remove);
          s.clear();
        }
        case BULK_DELETE_ADS -> {
          s.flush();
          long min = 5 + r.nextInt(20);
          int n = s.createMutationQuery("delete from Ad a where a.clicksCount > :min "
              + "and not exists (select k.id from Click k where k.ad = a)").setParameter("min", min).executeUpdate();
          Set<Long> withClicks = new HashSet<>(e.clicks.values());
          List<Long> gone = e.ads.entrySet().stream().filter(x -> x.getValue().clicks() > min && !withClicks.contains(x.getKey()))
              .map(Map.Entry::getKey).toList();
          check(n, gone.size(), "rows of a bulk delete with a correlated subquery");
          gone.forEach(e.ads::remove);
          s.clear();
        }
        case NATIVE_BULK_UPDATE -> {
          s.flush();
          int n = s.createNativeMutationQuery("update campaigns set monthly_budget = coalesce(monthly_budget, 0) + 1")
              .executeUpdate();
          check(n, e.campaigns.size(), "rows of a native bulk update");
          e.campaigns.replaceAll((k, v) -> new CampaignRow(v.name(), (v.budget() == null ? 0 : v.budget()) + 1));
          s.clear();
        }
        case LAZY_COLLECTION -> {
          Long id = any(e.campaigns.keySet(), r);
          if (id == null) {
            return;
          }
          s.flush();
          s.clear();
          Campaign c = s.find(Campaign.class, id);
          check(c == null ? null : c.getCompanyId(), tenant, "find of an own campaign");
          List<Ad> ads = c.getAds();
          check(Hibernate.isInitialized(ads), false, "collection not initialized before access");
          ads.forEach(a -> check(a.getCompany().getId(), tenant, "ad of a lazy collection"));
          check(ids(ads.stream().map(Ad::getId)), e.adsOf(id), "lazy ads of campaign " + id);
        }
        case LAZY_PROXY -> {
          Long id = any(e.ads.keySet(), r);
          if (id == null) {
            return;
          }
          s.flush();
          s.clear();
          Ad ad = s.find(Ad.class, id);
          Campaign c = ad.getCampaign();
          check(c.getName(), e.campaigns.get(e.ads.get(id).campaign()).name(), "lazy campaign of ad " + id);
          check(c.getCompanyId(), tenant, "lazy campaign");
          Company company = ad.getCompany();
          check(company.getName(), "Company " + tenant, "lazy company of ad " + id);
        }
        case CACHED_COUNT -> {
          s.flush();
          long n = s.createQuery("select count(a) from Ad a", Long.class).setCacheable(true).getSingleResult();
          check(n, (long) e.ads.size(), "cached count of ads");
          List<String> names = s.createQuery("select c.name from Campaign c", String.class).setCacheable(true)
              .getResultList();
          check(new HashSet<>(names), e.campaigns.values().stream().map(CampaignRow::name).collect(Collectors.toSet()),
              "cached campaign names");
        }
        case FOREIGN_MERGE -> {
          long[] foreign = foreign(tenant, r);
          if (foreign == null) {
            return;
          }
          Campaign stolen = new Campaign("stolen", "running", 1);
          stolen.setCompanyId(foreign[1]);
          count(op);
          try {
            s.merge(stolen);
            failures.add("tenant " + tenant + " merged an entity of tenant " + foreign[1]);
          } catch (TenantMismatchException expected) {
            throw new Abort(); // the session is done for: roll back
          }
        }
        case FOREIGN_REMOVE -> {
          Campaign foreignCompanyCampaign = new Campaign("foreign", "running", 1);
          long other = 1 + (tenant + r.nextInt(TENANTS - 1)) % TENANTS;
          foreignCompanyCampaign.setCompanyId(other);
          count(op);
          try {
            s.persist(foreignCompanyCampaign);
            failures.add("tenant " + tenant + " persisted an entity of tenant " + other);
          } catch (TenantMismatchException expected) {
            throw new Abort();
          }
        }
        default -> throw new IllegalStateException(op.toString());
      }
    }

    private long[] foreign(long tenant, java.util.Random r) {
      synchronized (campaignOwners) {
        for (int attempt = 0; attempt < 8; attempt++) {
          long[] candidate = campaignOwners.get(r.nextInt(campaignOwners.size()));
          if (candidate[1] != tenant) {
            return candidate;
          }
        }
      }
      return null;
    }

    private void count(Op op) {
      if (op != null) {
        counts.computeIfAbsent(op, k -> new LongAdder()).increment();
      }
    }
  }

  /** Adds a campaign to those the foreign-tenant operations pick from. */
  private void rememberCampaign(long id, long tenant) {
    synchronized (campaignOwners) {
      long[] owner = {id, tenant};
      if (campaignOwners.size() < REMEMBERED_CAMPAIGNS) {
        campaignOwners.add(owner);
      } else {
        campaignOwners.set((int) (campaignsCreated % REMEMBERED_CAMPAIGNS), owner);
      }
      campaignsCreated++;
    }
  }

  /**
   * Makes the rest of {@code session}'s transaction read past the second-level cache, as a
   * transaction must after a bulk statement: a READ_WRITE region keeps serving the entries it held
   * before the statement until the transaction ends (for read-write access Hibernate's bulk
   * cleanup does nothing to the region then, and evicts it after completion).
   *
   * <p>{@link Session#setCacheMode} alone does not do it: it governs queries, lazy loads and
   * collections, but {@link Session#find} takes its cache mode from the JPA cache properties of
   * the call or of the session (retrieve and store mode {@code USE} unless set) and loads with
   * that, so it still returned the cached pre-statement row. Setting the properties on the session
   * sets its cache mode too ({@link CacheMode#IGNORE}).
   */
  static void readPastSecondLevelCache(Session session) {
    session.setProperty(SpecHints.HINT_SPEC_CACHE_STORE_MODE, CacheStoreMode.BYPASS);
    session.setProperty(SpecHints.HINT_SPEC_CACHE_RETRIEVE_MODE, CacheRetrieveMode.BYPASS);
    if (session.getCacheMode() != CacheMode.IGNORE) {
      throw new IllegalStateException("cache mode " + session.getCacheMode() + " after bypassing the cache");
    }
  }

  private static <T> T any(Set<T> set, java.util.Random r) {
    if (set.isEmpty()) {
      return null;
    }
    List<T> sorted = new ArrayList<>(set);
    sorted.sort(null);
    return sorted.get(r.nextInt(sorted.size()));
  }

  private static Set<Long> ids(java.util.stream.Stream<Long> ids) {
    return ids.collect(Collectors.toSet());
  }

  /** Records a violation instead of throwing, so one bad read does not hide the others. */
  private void check(Object actual, Object expected, String what) {
    boolean same = actual instanceof Number a && expected instanceof Number b
        ? a.longValue() == b.longValue() : java.util.Objects.equals(actual, expected);
    if (!same) {
      String message = what + ": expected " + expected + " but was " + actual;
      failures.add(message);
      throw new AssertionError(message);
    }
  }
}
