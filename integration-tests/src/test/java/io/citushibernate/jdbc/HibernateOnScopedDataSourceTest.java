package io.citushibernate.jdbc;

import static io.citushibernate.jdbc.Jdbc.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.CitusSettings;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsData;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsLoader;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsModel;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.store.StoreModel;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.RoutingCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hibernate and plain JDBC on one {@link TenantScopedDataSource}, as the Spring Boot starter wires
 * them: the data source takes its tenant tables from the mapping, Hibernate's statements are scoped
 * once (by Hibernate), and plain JDBC on Hibernate's own connection is scoped too. What was sent
 * is recorded by the test pool under the wrapper.
 */
@CitusTest(cleanup = false)
class HibernateOnScopedDataSourceTest {
  private static final Pattern TENANT_PREDICATE = Pattern.compile("\\w+\\.company_id\\s*=\\s*(\\?|\\d+)");
  static DataSource pool;
  static CitusDatabase db;
  static TenantScopedDataSource scoped;
  static SessionFactory sessions;

  @BeforeAll
  static void boot() {
    // no tables declared and, on PostgreSQL, no catalog: the mapping alone names the tenant tables
    scoped = TenantScopedDataSource.wrap(pool).catalog(c -> Optional.empty()).build();
    sessions = sessionFactory(AdAnalyticsModel.ENTITIES_AND_LOCAL_TABLE, Map.of());
    AdAnalyticsLoader.persist(sessions, AdAnalyticsData.regular(3, t -> (int) t + 1, t -> (int) t + 1, 2));
  }

  @AfterAll
  static void close() {
    if (sessions != null) {
      sessions.close();
    }
  }

  @BeforeEach
  void forget() {
    db.clearStatements();
  }

  static SessionFactory sessionFactory(List<Class<?>> entities, Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("hibernate.connection.datasource", scoped);
    settings.put("hibernate.hbm2ddl.auto", "create");
    settings.putAll(extra);
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      entities.forEach(sources::addAnnotatedClass);
      return sources.buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  /** The tenant predicates ({@code alias.company_id = ?} or {@code = 2}) of each statement sent. */
  private static List<Integer> tenantPredicatesPerStatement(String table) {
    List<Integer> counts = new ArrayList<>();
    for (String sql : db.statements()) {
      if (sql.contains(table)) {
        Matcher m = TENANT_PREDICATE.matcher(sql);
        int n = 0;
        while (m.find()) {
          n++;
        }
        counts.add(n);
      }
    }
    return counts;
  }

  @Test
  void hibernatesStatementsAreScopedOnceAndReturnTheTenantsRows() {
    List<Object[]> rows = TenantContext.get(2L, () -> sessions.fromSession(s -> s.createQuery(
        "select c.name, count(a) from Ad a join a.campaign c group by c.name order by c.name", Object[].class)
        .getResultList()));
    assertThat(rows).extracting(r -> r[0] + "=" + r[1]).containsExactly("c2-0=3", "c2-1=3", "c2-2=3");
    assertThat(tenantPredicatesPerStatement("ads")).containsExactly(2); // ads and campaigns, once each
    assertThat(db.statements()).noneMatch(sql -> sql.contains("citus-tenant"));
  }

  @Test
  void literalTenantsAreNotAddedTwiceEither() {
    SessionFactory literal = sessionFactory(AdAnalyticsModel.ENTITIES_AND_LOCAL_TABLE,
        Map.of(CitusSettings.TENANT_BINDING, "literal", "hibernate.hbm2ddl.auto", "none"));
    try {
      db.clearStatements();
      List<Campaign> campaigns = TenantContext.get(3L, () -> literal.fromSession(s -> s.createQuery(
          "from Campaign c where c.name like 'c3-%' order by c.name", Campaign.class).getResultList()));
      assertThat(campaigns).extracting(Campaign::getName).containsExactly("c3-0", "c3-1", "c3-2", "c3-3");
      assertThat(tenantPredicatesPerStatement("campaigns")).containsExactly(1);
      assertThat(db.statements()).allMatch(sql -> !sql.contains("campaigns") || sql.contains("company_id = 3"));
    } finally {
      literal.close();
    }
  }

  @Test
  void crossTenantJoinsGetTheirTenantEqualityOnce() {
    Long ads = RoutingCheck.allowMultiShard(() -> TenantContext.getCrossTenant("test: every tenant's ads",
        () -> sessions.fromSession(s -> s.createQuery("select count(a) from Ad a join a.campaign c where c.name like 'c%'", Long.class)
            .getSingleResult())));
    assertThat(ads).isEqualTo(2L * 2 + 3 * 3 + 4 * 4);
    assertThat(db.statements()).filteredOn(sql -> sql.contains("ads"))
        .singleElement().satisfies(sql -> assertThat(sql.split("company_id", -1)).hasSize(3));
  }

  @Test
  void plainJdbcOnHibernatesConnectionIsScopedToo() {
    List<String> counts = TenantContext.get(2L, () -> sessions.fromTransaction(s -> s.doReturningWork(c -> {
      List<String> found = new ArrayList<>(query(c, "select count(*) from campaigns"));
      found.addAll(query(c, "select count(*) from ads a join campaigns c on c.id = a.campaign_id"));
      return found;
    })));
    assertThat(counts).containsExactly("3", "9");
    assertThat(tenantPredicatesPerStatement("campaigns")).containsExactly(1, 2);
  }

  @Test
  void aSecondMappingWithOtherTenantTablesIsRefused() {
    assertThatThrownBy(() -> sessionFactory(StoreModel.ENTITIES, Map.of("hibernate.hbm2ddl.auto", "none")))
        .isInstanceOf(CitusHibernateException.class)
        .hasMessageContaining("Two session factories on one TenantScopedDataSource");
  }
}
