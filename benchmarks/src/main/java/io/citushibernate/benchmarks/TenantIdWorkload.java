package io.citushibernate.benchmarks;

import static io.citushibernate.benchmarks.AdAnalyticsDatabase.adId;
import static io.citushibernate.benchmarks.AdAnalyticsDatabase.campaignId;

import io.citushibernate.benchmarks.tenantid.Ad;
import io.citushibernate.benchmarks.tenantid.Campaign;
import io.citushibernate.benchmarks.tenantid.Click;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * The workload through Hibernate's own discriminator multi-tenancy, the fair competitor of
 * citus-hibernate: the {@code @TenantId} model of {@link io.citushibernate.benchmarks.tenantid}
 * on the same tables, citus-hibernate off, the tenant read by a
 * {@link CurrentTenantIdentifierResolver} from the request's thread, and the same operations with
 * no tenant written anywhere (Hibernate adds it in its SQL AST and fills the click's column).
 *
 * <p>What {@code @TenantId} leaves unscoped (checked with {@link ShowSql}, Hibernate 7.4): the
 * load by id, the list, the statistics join (on both tables) and the bulk update all get
 * {@code company_id = ?}, but the lazy collection load does not:
 * {@code select ... from ads a1_0 where a1_0.campaign_id=?}. On Citus that one statement of the
 * request goes to every shard, as plain Hibernate's does (citus-hibernate scopes it).
 */
public final class TenantIdWorkload extends SessionWorkload {
  /** The tenant of the request running on this thread, for the resolver. */
  private static final ThreadLocal<Long> TENANT = new ThreadLocal<>();

  /** Hibernate's hook: the tenant of the current request. */
  static final class ThreadTenantResolver implements CurrentTenantIdentifierResolver<Long> {
    @Override
    public Long resolveCurrentTenantIdentifier() {
      Long tenant = TENANT.get();
      if (tenant == null) {
        throw new IllegalStateException("No tenant on this thread: TenantIdWorkload sets it around each operation");
      }
      return tenant;
    }

    @Override
    public boolean validateExistingCurrentSessions() {
      return false;
    }
  }

  private final SessionFactory sessionFactory;

  TenantIdWorkload(DataSource dataSource) {
    this.sessionFactory = HibernateWorkload.modelSessionFactory(dataSource, false,
        List.of(Campaign.class, Ad.class, Click.class),
        Map.of(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new ThreadTenantResolver()));
  }

  @Override
  <T> T inTransaction(long tenant, Function<Session, T> work) {
    TENANT.set(tenant);
    try {
      return sessionFactory.fromTransaction(work);
    } finally {
      TENANT.remove();
    }
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
    return s.createSelectionQuery(HibernateWorkload.LIST_HQL, Campaign.class).getResultList();
  }

  @Override
  List<Object[]> stats(Session s, long tenant) {
    return s.createSelectionQuery(HibernateWorkload.STATS_HQL, Object[].class).getResultList();
  }

  @Override
  int update(Session s, long tenant, int k) {
    return s.createMutationQuery(HibernateWorkload.UPDATE_HQL).setParameter("id", campaignId(tenant, k))
        .executeUpdate();
  }

  @Override
  Long insert(Session s, long tenant, int k) {
    Click click = new Click(s.getReference(Ad.class, adId(campaignId(tenant, k), 0)), HibernateWorkload.USER_DATA);
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
