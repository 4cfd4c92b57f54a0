package io.citushibernate.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.TenantMismatchException;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.tenant.TenantContext;
import java.util.Map;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bugs the concurrent workload found in the write listener, pinned down one by one. */
class WriteListenerRegressionTest {
  static Fixture db;

  @BeforeAll
  static void boot() {
    db = Fixture.adAnalytics(2, "literal", Map.of());
    HostileTenantInputTest.seed(db, 1L, 2L);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void mergingANewEntityFillsItsTenantKey() {
    Campaign merged = TenantContext.get(2L, () -> db.sessionFactory.fromTransaction(s ->
        s.merge(new Campaign("merged new", "running", 3))));
    assertThat(merged.getCompanyId()).isEqualTo(2L);
    assertThat(db.jdbcLong("select company_id from campaigns where id = " + merged.getId())).isEqualTo(2L);
  }

  @Test
  void mergingANewEntityOfAnotherTenantIsStillRefused() {
    Campaign foreign = new Campaign("foreign", "running", 3);
    foreign.setCompanyId(1L);
    assertThatThrownBy(() -> TenantContext.run(2L, () -> db.sessionFactory.inTransaction(s -> s.merge(foreign))))
        .isInstanceOf(TenantMismatchException.class);
    assertThat(db.jdbcLong("select count(*) from campaigns where name = 'foreign'")).isZero();
  }

  @Test
  void mergingAndRemovingProxiesWork() {
    long id = TenantContext.get(1L, () -> db.sessionFactory.fromTransaction(s -> {
      Campaign c = new Campaign("proxied", "running", 3);
      s.persist(c);
      return c.getId();
    }));
    TenantContext.run(1L, () -> db.sessionFactory.inTransaction(s -> {
      Campaign proxy = s.getReference(Campaign.class, id);
      Hibernate.initialize(proxy);
      proxy.setName("proxied and merged");
      s.merge(proxy);
    }));
    assertThat(db.jdbc("select name from campaigns where id = " + id).get(0)[0]).isEqualTo("proxied and merged");
    TenantContext.run(1L, () -> db.sessionFactory.inTransaction(s -> s.remove(s.getReference(Campaign.class, id))));
    assertThat(db.jdbcLong("select count(*) from campaigns where id = " + id)).isZero();
    // another tenant's proxy cannot be removed
    long other = db.jdbcLong("select id from campaigns where company_id = 2 limit 1");
    assertThatThrownBy(() -> TenantContext.run(1L, () -> db.sessionFactory.inTransaction(s ->
        s.remove(s.getReference(Campaign.class, other))))).isNotNull();
    assertThat(db.jdbcLong("select count(*) from campaigns where id = " + other)).isOne();
  }
}
