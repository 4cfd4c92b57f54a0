package io.citushibernate.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import io.citushibernate.testkit.RoutingCheck;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three tenants each hold notes 1 to 3 (the same ids) with their own texts. The second-level
 * cache is on, as Hibernate turns it on when hibernate-jcache and a provider are on the class
 * path, and no tenant identifier resolver is configured: the defaults must be right.
 */
class SessionTenantRuleTest {
  private static final long[] TENANTS = {1L, 2L, 3L};
  private static CitusTestDatabase db;
  private static SessionFactory sf;

  @BeforeAll
  static void seed() {
    db = CitusTestDatabase.create().entities(Note.class, Label.class)
        .properties(Map.of(
            "hibernate.cache.use_second_level_cache", "true",
            "jakarta.persistence.sharedCache.mode", "ALL",
            "hibernate.cache.region.factory_class", "jcache",
            "hibernate.javax.cache.provider", "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider",
            "hibernate.javax.cache.missing_cache_strategy", "create",
            "hibernate.cache.region_prefix", "session-tenant-rule"))
        .open();
    sf = db.sessionFactory();
    sf.inTransaction(s -> s.persist(new Label(1L, "shared label")));
    for (long t : TENANTS) {
      TenantContext.run(t, () -> sf.inTransaction(s -> {
        for (long i = 1; i <= 3; i++) {
          s.persist(new Note(i, "t" + t + "-note" + i));
        }
      }));
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L})
  void eachTenantFindsItsOwnNoteAfterAnotherTenantCachedTheSameId(long first) {
    sf.getCache().evictAll();
    TenantContext.run(first, () -> sf.inSession(s -> s.find(Note.class, 2L)));
    assertThat(sf.getCache().containsEntity(Note.class, 2L)).isFalse(); // keyed by tenant as well, not by id alone
    for (long t : TENANTS) {
      Note note = TenantContext.get(t, () -> sf.fromSession(s -> s.find(Note.class, 2L)));
      assertThat(note).as("tenant %d's note 2", t).isNotNull();
      assertThat(note.text).isEqualTo("t" + t + "-note2");
    }
    db.clearStatements();
    Note cached = TenantContext.get(2L, () -> sf.fromSession(s -> s.find(Note.class, 2L)));
    assertThat(cached.text).isEqualTo("t2-note2");
    assertThat(db.statements()).as("served from the second-level cache").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aSessionUsedForAnotherTenantIsRefusedBeforeAnySql(boolean inTransaction) {
    try (Session s = TenantContext.get(1L, () -> sf.openSession())) {
      if (inTransaction) {
        s.beginTransaction();
      }
      Note own = TenantContext.get(1L, () -> s.createQuery("from Note where id = 1", Note.class).getSingleResult());
      assertThat(own.text).isEqualTo("t1-note1");
      db.clearStatements();
      assertThatThrownBy(() -> TenantContext.run(2L, () -> s.find(Note.class, 1L)))
          .isInstanceOf(TenantMismatchException.class).hasMessageContaining("tenant 1").hasMessageContaining("tenant 2");
      assertThatThrownBy(() -> TenantContext.run(2L, () ->
          s.createQuery("from Note where id = 1", Note.class).getResultList()))
          .isInstanceOf(TenantMismatchException.class).hasMessageContaining("tenant 1").hasMessageContaining("tenant 2");
      assertThatThrownBy(() -> TenantContext.run(2L, () ->
          s.createQuery("select n.text from Note n", String.class).getResultList()))
          .isInstanceOf(TenantMismatchException.class);
      assertThat(db.statements()).as("nothing was sent for tenant 2").isEmpty();
      assertThat(TenantContext.get(1L, () -> s.find(Note.class, 1L)).text).isEqualTo("t1-note1");
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L})
  void aSessionOpenedForATenantIdentifierServesThatTenantWithOrWithoutAScope(long tenant) {
    try (Session s = sf.withOptions().tenantIdentifier((Object) tenant).openSession()) {
      assertThat(s.find(Note.class, 3L).text).as("no scope: the session's tenant").isEqualTo("t" + tenant + "-note3");
      assertThat(s.createQuery("select n.text from Note n order by n.id", String.class).getResultList())
          .containsExactly("t" + tenant + "-note1", "t" + tenant + "-note2", "t" + tenant + "-note3");
      assertThat(TenantContext.get(tenant, () -> s.find(Note.class, 2L)).text).isEqualTo("t" + tenant + "-note2");
      long other = tenant == 1L ? 2L : 1L;
      assertThatThrownBy(() -> TenantContext.run(other, () -> s.find(Note.class, 3L)))
          .isInstanceOf(TenantMismatchException.class);
      s.beginTransaction();
      s.persist(new Note(9L, "t" + tenant + "-note9"));
      s.flush();
      assertThat(s.createNativeQuery("select tenant_id from id_notes where id = 9", Long.class).getSingleResult())
          .as("persist filled the session's tenant").isEqualTo(tenant);
      s.getTransaction().rollback();
    }
  }

  @Test
  void withLiteralTenantsASessionOpenedForATenantIdentifierServesThatTenantWithoutAScope() {
    // no second-level cache: the JCache manager is JVM-wide, and closing this factory would close
    // it under the class's own factory
    try (CitusTestDatabase literal = CitusTestDatabase.create().entities(Note.class, Label.class)
        .property("citus.hibernate.tenant_binding", "literal")
        .property("hibernate.cache.use_second_level_cache", "false").open()) {
      SessionFactory factory = literal.sessionFactory();
      for (long t : TENANTS) {
        TenantContext.run(t, () -> factory.inTransaction(s -> s.persist(new Note(1L, "literal-t" + t))));
      }
      for (long t : TENANTS) {
        try (Session s = factory.withOptions().tenantIdentifier((Object) t).openSession()) {
          assertThat(s.find(Note.class, 1L).text).isEqualTo("literal-t" + t);
          assertThat(s.createQuery("select n.text from Note n", String.class).getResultList())
              .containsExactly("literal-t" + t);
        }
      }
    }
  }

  @Test
  void aCrossTenantSessionNeedsItsScope() {
    try (Session s = TenantContext.getCrossTenant("test: a cross-tenant session", () -> sf.openSession())) {
      assertThatThrownBy(() -> s.createQuery("select n.text from Note n", String.class).getResultList())
          .isInstanceOf(MissingTenantException.class).hasMessageContaining("runCrossTenant");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aSessionOpenedOutsideAnyScopeReadsSharedTablesButNoTenantEntity(boolean inTransaction) {
    try (Session s = sf.openSession()) {
      if (inTransaction) {
        s.beginTransaction();
      }
      assertThat(s.find(Label.class, 1L).text).isEqualTo("shared label");
      assertThatThrownBy(() -> TenantContext.run(1L, () -> s.find(Note.class, 1L)))
          .isInstanceOf(TenantMismatchException.class).hasMessageContaining("opened outside any tenant scope")
          .hasMessageContaining("TenantContext.run(1");
      assertThatThrownBy(() -> TenantContext.run(1L, () -> s.createQuery("from Note", Note.class).getResultList()))
          .isInstanceOf(TenantMismatchException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void crossTenantAndTenantSessionsDoNotMix(boolean crossFirst) {
    RoutingCheck.allowMultiShard(() -> {
      if (crossFirst) {
        try (Session s = TenantContext.getCrossTenant("test: a cross-tenant session", () -> sf.openSession())) {
          List<String> all = TenantContext.getCrossTenant("test: all texts", () ->
              s.createQuery("select n.text from Note n", String.class).getResultList());
          assertThat(all).hasSize(9);
          assertThatThrownBy(() -> TenantContext.run(1L, () -> s.find(Note.class, 1L)))
              .isInstanceOf(TenantMismatchException.class).hasMessageContaining("cross-tenant");
        }
      } else {
        try (Session s = TenantContext.get(1L, () -> sf.openSession())) {
          assertThatThrownBy(() -> TenantContext.runCrossTenant("test: reuse a tenant session", () ->
              s.createQuery("select n.text from Note n", String.class).getResultList()))
              .isInstanceOf(TenantMismatchException.class).hasMessageContaining("tenant 1");
        }
      }
      return null;
    });
  }
}
