package io.citushibernate.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.citushibernate.TenantMismatchException;
import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Click;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.tenant.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults in the middle of a multi-table transaction (an exception, a constraint violation, a
 * connection killed on the server, a tenant mismatch found at flush) leave nothing half-written.
 */
class FaultIsolationTest {
  static final Map<String, Fixture> DBS = new HashMap<>();

  @BeforeAll
  static void boot() {
    for (String binding : List.of("literal", "parameter")) {
      Fixture db = Fixture.adAnalytics(4, binding, Map.of());
      HostileTenantInputTest.seed(db, 1L, 2L);
      DBS.put(binding, db);
    }
  }

  @AfterAll
  static void close() {
    DBS.values().forEach(Fixture::close);
  }

  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter"})
  void anExceptionAfterFlushLeavesNothing(String binding) {
    Fixture db = DBS.get(binding);
    String before = rows(db);
    Throwable thrown = catchThrowable(() -> TenantContext.run(1L, () -> db.sessionFactory.inTransaction(s -> {
      writeAcrossTables(s, "exception");
      s.flush();
      assertThat(countInTransaction(s)).isEqualTo(2 + 2 + 1); // seeded + new campaign, 2 ads, 1 click: not yet committed
      throw new IllegalStateException("application failure");
    })));
    assertThat(thrown).hasMessage("application failure");
    assertThat(rows(db)).isEqualTo(before);
  }

  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter"})
  void aConstraintViolationLeavesNothing(String binding) {
    Fixture db = DBS.get(binding);
    String before = rows(db);
    Throwable thrown = catchThrowable(() -> TenantContext.run(1L, () -> db.sessionFactory.inTransaction(s -> {
      writeAcrossTables(s, "constraint");
      s.flush();
      // an ad of a campaign that does not exist: the foreign key refuses it
      s.createNativeMutationQuery("insert into ads (id, campaign_id, name, image_url, target_url, impressions_count, "
          + "clicks_count, created_at, updated_at) values (-7, -42, 'orphan', 'i', 't', 0, 0, now(), now())")
          .executeUpdate();
    })));
    assertThat(chain(thrown, ConstraintViolationException.class)).as("%s", thrown).isNotNull();
    assertThat(rows(db)).isEqualTo(before);
  }

  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter"})
  void aConnectionKilledOnTheServerLeavesNothingAndThePoolRecovers(String binding) throws Exception {
    Fixture db = DBS.get(binding);
    String before = rows(db);
    int[] killed = new int[1];
    Throwable thrown = catchThrowable(() -> TenantContext.run(1L, () -> db.sessionFactory.inTransaction(s -> {
      writeAcrossTables(s, "killed");
      s.flush();
      int pid = s.createNativeQuery("select pg_backend_pid()", Integer.class).getSingleResult();
      killed[0] = pid;
      try (Connection other = db.dataSource().getConnection();
          PreparedStatement kill = other.prepareStatement("select pg_terminate_backend(?)")) {
        kill.setInt(1, pid);
        try (ResultSet rs = kill.executeQuery()) {
          rs.next();
          assertThat(rs.getBoolean(1)).as("backend %d terminated", pid).isTrue();
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      Campaign more = new Campaign("after the kill", "running", 1);
      s.persist(more);
    })));
    assertThat(thrown).as("the transaction on the killed connection fails").isNotNull();
    assertThat(killed[0]).isPositive();
    assertThat(db.jdbcLong("select count(*) from pg_stat_activity where pid = " + killed[0])).isZero();
    assertThat(rows(db)).isEqualTo(before);
    // the pool drops the dead connection: every tenant works again and sees only its rows
    for (int i = 0; i < 8; i++) {
      long tenant = 1 + i % 2;
      List<Campaign> campaigns = TenantContext.get(tenant, () -> db.sessionFactory.fromTransaction(s ->
          s.createQuery("from Campaign", Campaign.class).getResultList()));
      assertThat(campaigns).isNotEmpty().allSatisfy(c -> assertThat(c.getCompanyId()).isEqualTo(tenant));
    }
  }

  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter"})
  void aTenantKeyChangedBeforeFlushRollsEverythingBackAndSaysWhy(String binding) {
    Fixture db = DBS.get(binding);
    String before = rows(db);
    Long id = TenantContext.get(1L, () -> db.sessionFactory.fromSession(s ->
        s.createQuery("select c.id from Campaign c", Long.class).getResultList().get(0)));
    Throwable thrown = catchThrowable(() -> TenantContext.run(1L, () -> db.sessionFactory.inTransaction(s -> {
      writeAcrossTables(s, "moved");
      s.flush();
      s.find(Campaign.class, id).setCompanyId(2L);
    })));
    TenantMismatchException mismatch = chain(thrown, TenantMismatchException.class);
    assertThat(mismatch).as("%s", thrown).isNotNull();
    assertThat(mismatch.getMessage()).contains("Campaign#" + id, "changed from 1 to 2", "Rows cannot move between tenants");
    assertThat(rows(db)).isEqualTo(before);
  }

  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter"})
  void aTenantSwitchBetweenPersistAndFlushRollsEverythingBackAndSaysWhy(String binding) {
    Fixture db = DBS.get(binding);
    String before = rows(db);
    Throwable thrown = catchThrowable(() -> {
      try (Session s = TenantContext.get(1L, db.sessionFactory::openSession)) {
        Transaction tx = s.beginTransaction();
        try {
          TenantContext.run(1L, () -> {
            writeAcrossTables(s, "switched");
            s.flush();
            s.persist(new Campaign("pending for tenant 1", "running", 1));
          });
          TenantContext.run(2L, tx::commit);
        } finally {
          if (tx.isActive()) {
            tx.rollback();
          }
        }
      }
    });
    TenantMismatchException mismatch = chain(thrown, TenantMismatchException.class);
    assertThat(mismatch).as("%s", thrown).isNotNull();
    assertThat(mismatch.getMessage()).contains("opened for tenant 1").contains("for tenant 2");
    assertThat(rows(db)).isEqualTo(before);
  }

  /** A campaign with two ads and a click, plus a company name change: four tables. */
  private static void writeAcrossTables(Session s, String name) {
    Campaign c = new Campaign(name, "running", 5);
    s.persist(c);
    Ad first = new Ad(c, name + "-1", 1, 1);
    Ad second = new Ad(c, name + "-2", 2, 2);
    s.persist(first);
    s.persist(second);
    s.persist(new Click(first, Map.of("fault", name)));
    Company company = s.find(Company.class, TenantContext.require());
    company.setName(name);
  }

  private static long countInTransaction(Session s) {
    return s.createQuery("select count(c) from Campaign c", Long.class).getSingleResult()
        + s.createQuery("select count(a) from Ad a", Long.class).getSingleResult()
        + s.createQuery("select count(k) from Click k", Long.class).getSingleResult();
  }

  /** Every row of every tenant table, as text, read past Hibernate. */
  private static String rows(Fixture db) {
    StringBuilder sb = new StringBuilder();
    for (String sql : List.of("select id, name from companies order by id",
        "select company_id, id, name, monthly_budget from campaigns order by id",
        "select company_id, id, campaign_id, name from ads order by id",
        "select company_id, id, ad_id from clicks order by id")) {
      db.jdbc(sql).forEach(r -> sb.append(java.util.Arrays.toString(r)).append('\n'));
      sb.append("--\n");
    }
    return sb.toString();
  }

  private static <T extends Throwable> T chain(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
