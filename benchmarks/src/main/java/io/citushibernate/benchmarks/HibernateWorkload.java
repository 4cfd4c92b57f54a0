package io.citushibernate.benchmarks;

import static io.citushibernate.benchmarks.AdAnalyticsDatabase.adId;
import static io.citushibernate.benchmarks.AdAnalyticsDatabase.campaignId;

import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsModel;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Click;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The workload through Hibernate, in one of three forms ({@link Scoping}) that share all entity code:
 *
 * <ul>
 *   <li>{@link Scoping#CITUS}: citus-hibernate is on (its integrator installs itself through
 *       {@code META-INF/services}); every operation runs in {@code TenantContext.open(tenant)} and
 *       the queries name no tenant. citus-hibernate adds the tenant to every statement, fills
 *       the click's tenant key and checks what is loaded.
 *   <li>{@link Scoping#BY_HAND}: {@code citus.hibernate.enabled=false}; the queries carry the tenant
 *       predicates written by hand as bind parameters ({@code where c.companyId = :tenant}) and the
 *       click's tenant key is set by the application. Entity loads by id and lazy collection loads
 *       have no place for a hand-written predicate, so they run as Hibernate generates them.
 *   <li>{@link Scoping#NONE}: {@code citus.hibernate.enabled=false} and the queries of
 *       {@code CITUS}, i.e. no tenant predicate anywhere (only the click's tenant key is set, as a
 *       row needs one): what a team has before it scopes anything. On Citus the campaign
 *       statistics join campaigns and ads on a column other than the distribution column, which
 *       Citus refuses ("requires repartitioning"); the workload then leaves that operation out of
 *       its request and says so in {@link #limitations()}.
 * </ul>
 */
public final class HibernateWorkload extends SessionWorkload {
  /** How the workload's statements are scoped to the tenant. */
  enum Scoping {
    /** citus-hibernate adds the tenant. */
    CITUS,
    /** Plain Hibernate, tenant predicates written by hand. */
    BY_HAND,
    /** Plain Hibernate, no tenant predicate at all. */
    NONE
  }

  static final Map<String, Object> USER_DATA = Map.of("is_mobile", true, "agent", "phone");
  /** The unscoped HQL of the list, statistics and update operations, shared with {@link TenantIdWorkload}. */
  static final String LIST_HQL = "from Campaign c order by c.id";
  static final String STATS_HQL = "select c.id, c.name, c.monthlyBudget, sum(a.impressionsCount), "
      + "sum(a.clicksCount) from Ad a join a.campaign c where c.state = 'running' "
      + "group by c.id, c.name, c.monthlyBudget order by c.name";
  static final String UPDATE_HQL = "update Campaign c set c.monthlyBudget = c.monthlyBudget + 1 where c.id = :id";

  static {
    // Hibernate logs through JBoss Logging, which would pick java.util.logging: route it to SLF4J
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
  }

  private final SessionFactory sessionFactory;
  private final Scoping scoping;
  /** Why the statistics are left out of {@link #request}, {@code null} while they run. */
  private final String statsUnsupported;

  HibernateWorkload(SessionFactory sessionFactory, Scoping scoping) {
    this.sessionFactory = sessionFactory;
    this.scoping = scoping;
    this.statsUnsupported = scoping == Scoping.NONE ? probeStats() : null;
  }

  /** A workload on {@code dataSource}, scoped as {@code scoping} says; citus-hibernate with its default tenant binding. */
  public static HibernateWorkload create(DataSource dataSource, Scoping scoping) {
    return new HibernateWorkload(sessionFactory(dataSource, scoping == Scoping.CITUS, null, null), scoping);
  }

  /** A citus-hibernate workload whose tenant reaches SQL as {@code binding} ({@code literal} or {@code parameter}). */
  public static HibernateWorkload create(DataSource dataSource, String binding) {
    return new HibernateWorkload(sessionFactory(dataSource, true, null, binding), Scoping.CITUS);
  }

  /**
   * A session factory for the benchmark model: no schema management (the schema is loaded by
   * {@link AdAnalyticsDatabase}), no second-level cache, citus-hibernate on or off.
   */
  static SessionFactory sessionFactory(DataSource dataSource, boolean citus, StatementInspector inspector,
      String binding) {
    Map<String, Object> settings = new HashMap<>();
    if (binding != null) {
      settings.put("citus.hibernate.tenant_binding", binding);
    }
    if (inspector != null) {
      settings.put("hibernate.session_factory.statement_inspector", inspector);
    }
    return modelSessionFactory(dataSource, citus, AdAnalyticsModel.ENTITIES, settings);
  }

  /** A session factory for {@code entities} with {@code settings} on top of the benchmarks' own. */
  static SessionFactory modelSessionFactory(DataSource dataSource, boolean citus, List<Class<?>> entities,
      Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put("hibernate.connection.datasource", dataSource);
    all.put("hibernate.hbm2ddl.auto", "none");
    all.put("hibernate.cache.use_second_level_cache", "false");
    all.put("citus.hibernate.enabled", Boolean.toString(citus));
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(all).build();
    MetadataSources sources = new MetadataSources(registry);
    entities.forEach(sources::addAnnotatedClass);
    return sources.buildMetadata().buildSessionFactory();
  }

  /** Runs the statistics once: {@code null} when the database can, else why not. */
  private String probeStats() {
    try {
      campaignStats(1);
      return null;
    } catch (RuntimeException e) {
      return "campaignStats left out of the unscoped request: the database refused it (" + rootMessage(e) + ")";
    }
  }

  /** The first line of the message of {@code e}'s deepest cause: the database's own words. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
  }

  @Override
  public List<String> limitations() {
    return statsUnsupported == null ? List.of() : List.of(statsUnsupported);
  }

  @Override
  <T> T inTransaction(long tenant, Function<Session, T> work) {
    if (scoping != Scoping.CITUS) {
      return sessionFactory.fromTransaction(work);
    }
    TenantScope scope = TenantContext.open(tenant);
    try {
      return sessionFactory.fromTransaction(work);
    } finally {
      scope.close();
    }
  }

  @Override
  boolean statsInRequest() {
    return statsUnsupported == null;
  }

  private static Campaign find(Session s, long tenant, int k) {
    return s.find(Campaign.class, campaignId(tenant, k));
  }

  @Override
  int findBudget(Session s, long tenant, int k) {
    return find(s, tenant, k).getMonthlyBudget();
  }

  @Override
  List<Campaign> list(Session s, long tenant) {
    if (scoping != Scoping.BY_HAND) {
      return s.createSelectionQuery(LIST_HQL, Campaign.class).getResultList();
    }
    return s.createSelectionQuery("from Campaign c where c.companyId = :tenant order by c.id", Campaign.class)
        .setParameter("tenant", tenant).getResultList();
  }

  @Override
  List<Object[]> stats(Session s, long tenant) {
    if (scoping != Scoping.BY_HAND) {
      return s.createSelectionQuery(STATS_HQL, Object[].class).getResultList();
    }
    return s.createSelectionQuery("select c.id, c.name, c.monthlyBudget, sum(a.impressionsCount), "
        + "sum(a.clicksCount) from Ad a join a.campaign c where c.state = 'running' "
        + "and a.company.id = :tenant and c.companyId = :tenant "
        + "group by c.id, c.name, c.monthlyBudget order by c.name", Object[].class)
        .setParameter("tenant", tenant).getResultList();
  }

  @Override
  int update(Session s, long tenant, int k) {
    if (scoping != Scoping.BY_HAND) {
      return s.createMutationQuery(UPDATE_HQL).setParameter("id", campaignId(tenant, k)).executeUpdate();
    }
    return s.createMutationQuery("update Campaign c set c.monthlyBudget = c.monthlyBudget + 1 "
        + "where c.id = :id and c.companyId = :tenant")
        .setParameter("id", campaignId(tenant, k)).setParameter("tenant", tenant).executeUpdate();
  }

  @Override
  Long insert(Session s, long tenant, int k) {
    Click click = new Click(s.getReference(Ad.class, adId(campaignId(tenant, k), 0)), USER_DATA);
    if (scoping != Scoping.CITUS) {
      click.setCompanyId(tenant);
    }
    s.persist(click);
    return click.getId();
  }

  @Override
  int lazy(Session s, long tenant, int k) {
    return find(s, tenant, k).getAds().size();
  }

  @Override
  public void close() {
    sessionFactory.close();
  }
}
