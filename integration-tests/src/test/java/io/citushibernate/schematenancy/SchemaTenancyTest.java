package io.citushibernate.schematenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.CitusSettings;
import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantSchemaException;
import io.citushibernate.tenancy.CitusTenants;
import io.citushibernate.tenancy.TenantInfo;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.CitusTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schema-per-tenant through the library: tenants 1, 2 and 3 hold the same ids with different
 * values, each in its own schema; what a tenant reads and writes equals plain Hibernate's on a
 * database holding that tenant's rows alone, and leaves the other tenants as they were.
 */
class SchemaTenancyTest {
  private static final List<Long> TENANTS = List.of(1L, 2L, 3L);
  private static SchemaTenants db;

  @BeforeAll
  static void createTenants() {
    db = SchemaTenants.open(3);
    TenantData.persistPlans(db.sessionFactory);
    for (long t : TENANTS) {
      db.tenants.create(t);
      TenantContext.run(t, () -> TenantData.persistTenant(db.sessionFactory, t));
    }
  }

  @AfterAll
  static void dropTenants() {
    db.close();
  }

  @Test
  void eachTenantReadsAndWritesWhatPlainHibernateDoesOnItsRowsAlone() {
    Map<Long, List<String>> before = new HashMap<>();
    for (long t : TENANTS) {
      before.put(t, TenantContext.get(t, () -> TenantData.reads(db.sessionFactory)));
    }
    assertThat(before.get(1L)).isNotEqualTo(before.get(2L)); // a leak would change some answer
    Map<Long, List<String>> after = new HashMap<>();
    for (long t : TENANTS) {
      List<String> expected = plainHibernateOn(t);
      List<String> reads = TenantContext.get(t, () -> TenantData.reads(db.sessionFactory));
      assertThat(reads).as("reads of tenant %s", t).isEqualTo(expected.subList(0, reads.size()));
      List<String> writes = TenantContext.get(t, () -> TenantData.writes(db.sessionFactory));
      assertThat(writes).as("writes of tenant %s", t).isEqualTo(expected.subList(reads.size(), expected.size()));
      after.put(t, TenantContext.get(t, () -> TenantData.reads(db.sessionFactory)));
      for (long other : TENANTS) {
        if (other > t) {
          assertThat(TenantContext.get(other, () -> TenantData.reads(db.sessionFactory)))
              .as("tenant %s after tenant %s wrote", other, t).isEqualTo(before.get(other));
        } else if (other < t) {
          assertThat(TenantContext.get(other, () -> TenantData.reads(db.sessionFactory)))
              .as("tenant %s after tenant %s wrote", other, t).isEqualTo(after.get(other));
        }
      }
    }
    // back to the seeded state, for the other tests
    for (long t : TENANTS) {
      TenantContext.run(t, () -> db.sessionFactory.inTransaction(s -> {
        s.createMutationQuery("delete from Card").executeUpdate();
        s.createMutationQuery("delete from Board").executeUpdate();
      }));
      TenantContext.run(t, () -> TenantData.persistTenant(db.sessionFactory, t));
    }
  }

  /** Reads then writes of plain Hibernate (citus-hibernate off) on a database holding tenant {@code t}'s rows alone. */
  private static List<String> plainHibernateOn(long t) {
    try (CitusTestDatabase plain = CitusTestDatabase.create().entities(SchemaTenants.ENTITIES)
        .property(CitusSettings.ENABLED, "false").routingCheck(false).open()) {
      TenantData.persistPlans(plain.sessionFactory());
      TenantData.persistTenant(plain.sessionFactory(), t);
      List<String> answers = new ArrayList<>(TenantData.reads(plain.sessionFactory()));
      answers.addAll(TenantData.writes(plain.sessionFactory()));
      return answers;
    }
  }

  @Test
  void aStatementOnTenantTablesWithoutTenantIsRefusedUnsent() {
    db.database.clearStatements();
    assertThatThrownBy(() -> db.sessionFactory.inTransaction(s -> s.createQuery("from Card", Card.class).getResultList()))
        .satisfies(e -> assertThat(missingTenant(e)).isNotNull());
    assertThatThrownBy(() -> db.sessionFactory.inTransaction(s ->
        s.createNativeQuery("select text from cards", String.class).getResultList()))
        .satisfies(e -> assertThat(missingTenant(e)).isNotNull());
    assertThatThrownBy(() -> db.sessionFactory.inTransaction(s -> s.find(Board.class, 1L)))
        .satisfies(e -> assertThat(missingTenant(e)).isNotNull());
    assertThat(db.database.statements()).as("nothing on a tenant table was sent")
        .noneMatch(sql -> sql.contains("cards") || sql.contains("boards"));
    // the shared schema is there without a tenant
    List<Plan> plans = db.sessionFactory.fromTransaction(s -> s.createQuery("from Plan", Plan.class).getResultList());
    assertThat(plans).extracting(Plan::getName).containsExactlyInAnyOrder("free", "pro");
  }

  @Test
  void aCrossTenantScopeHasNoSchemaAndPointsAtTheTenantByTenantApi() {
    assertThatThrownBy(() -> TenantContext.runCrossTenant("test: schema mode", () ->
        db.sessionFactory.inTransaction(s -> s.createQuery("from Card", Card.class).getResultList())))
        .satisfies(e -> assertThat(missingTenant(e).getMessage()).contains("CitusTenants.forEach"));
    List<String> texts = Collections.synchronizedList(new ArrayList<>());
    CitusTenants.forEach(TENANTS, tenant -> texts.addAll(db.sessionFactory.fromTransaction(s ->
        s.createQuery("select c.text from Card c where c.text like '%-card-1'", String.class).getResultList())));
    assertThat(texts).containsExactly("t1-card-1", "t2-card-1", "t3-card-1");
  }

  @Test
  void theTenantKeyIsStillFilledAndCheckedSoTheRowsCanMoveToTheRowModel() {
    TenantContext.run(2L, () -> db.sessionFactory.inTransaction(s -> s.persist(new Board(77L, null, "unkeyed", null))));
    assertThat(db.column("select tenant_id from \"" + db.tenants.schemaOf(2L) + "\".boards where id = 77"))
        .containsExactly(2L);
    assertThatThrownBy(() -> TenantContext.run(3L, () -> db.sessionFactory.inTransaction(s ->
        s.persist(new Board(78L, 2L, "another tenant's", null))))).hasStackTraceContaining("TenantMismatchException");
    TenantContext.run(2L, () -> db.sessionFactory.inTransaction(s -> s.remove(s.find(Board.class, 77L))));
  }

  @Test
  void aSessionOpenedForATenantRunsInItsSchemaOutsideAnyScope() {
    try (Session s = db.sessionFactory.withOptions().tenantIdentifier((Object) 2L).openSession()) {
      assertThat(s.find(Board.class, 1L).getTitle()).isEqualTo("t2-board-1");
      assertThat(s.createNativeQuery("select current_schema()", String.class).getSingleResult())
          .isEqualTo(db.tenants.schemaOf(2L));
    }
  }

  @Test
  void concurrentTenantsOnOneSmallPoolNeverSeeEachOthersSchema() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        long t = TENANTS.get(ThreadLocalRandom.current().nextInt(TENANTS.size()));
        boolean inTransaction = i % 2 == 0;
        tasks.add(threads.submit(() -> TenantContext.run(t, () -> {
          java.util.function.Function<Session, List<String>> read = s -> {
            assertThat(s.createNativeQuery("select current_schema()", String.class).getSingleResult())
                .isEqualTo(db.tenants.schemaOf(t));
            return s.createQuery("select c.text from Card c", String.class).getResultList();
          };
          List<String> texts;
          if (inTransaction) {
            texts = db.sessionFactory.fromTransaction(read);
          } else {
            try (Session s = db.sessionFactory.openSession()) { // autocommit reads
              texts = read.apply(s);
            }
          }
          assertThat(texts).isNotEmpty().allMatch(text -> text.startsWith("t" + t + "-"));
        })));
      }
      for (Future<?> task : tasks) {
        task.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void aConnectionGoesBackToItsPoolWithTheSharedSchemaOnly() throws Exception {
    try (SchemaTenants one = SchemaTenants.open(1)) {
      one.tenants.create(1L);
      one.tenants.create(2L);
      TenantData.persistPlans(one.sessionFactory);
      TenantContext.run(1L, () -> TenantData.persistTenant(one.sessionFactory, 1L));
      assertThat(searchPathOf(one)).containsExactly(one.shared);
      // autocommit reads set the path for the whole session
      TenantContext.run(2L, () -> {
        try (Session s = one.sessionFactory.openSession()) {
          assertThat(s.createQuery("from Card", Card.class).getResultList()).isEmpty();
        }
      });
      assertThat(searchPathOf(one)).containsExactly(one.shared);
      // a rolled back transaction, and one that failed
      assertThatThrownBy(() -> TenantContext.run(1L, () -> one.sessionFactory.inTransaction(s -> {
        s.createQuery("from Card", Card.class).getResultList();
        throw new IllegalStateException("rolled back");
      }))).hasMessage("rolled back");
      assertThat(searchPathOf(one)).containsExactly(one.shared);
      assertThatThrownBy(() -> TenantContext.run(1L, () -> one.sessionFactory.inTransaction(s ->
          s.persist(new Board(1L, 1L, "duplicate", null))))).isNotNull();
      assertThat(searchPathOf(one)).containsExactly(one.shared);
      // and the next borrower without tenant is refused, not served the last tenant's rows
      assertThatThrownBy(() -> one.sessionFactory.inTransaction(s -> s.createQuery("from Card", Card.class).getResultList()))
          .satisfies(e -> assertThat(missingTenant(e)).isNotNull());
    }
  }

  /** The schemas on the search path of the pool's next connection (a pool of one: the one Hibernate used). */
  private static List<String> searchPathOf(SchemaTenants tenants) throws SQLException {
    try (Connection c = tenants.database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select unnest(current_schemas(false))")) {
      List<String> schemas = new ArrayList<>();
      while (rs.next()) {
        schemas.add(rs.getString(1));
      }
      return schemas;
    }
  }

  @Test
  void theLifecycleIsIdempotentAndSafeToRunAgain() {
    try (SchemaTenants fresh = SchemaTenants.open(2, false, Map.of())) {
      // without the shared plans table the tenant tables' foreign key fails half way: nothing is left
      assertThatThrownBy(() -> fresh.tenants.create(5L)).hasMessageContaining("plans");
      assertThat(fresh.column("select nspname from pg_namespace where nspname = '" + fresh.tenants.schemaOf(5L) + "'"))
          .isEmpty();
      fresh.createPlans();
      TenantData.persistPlans(fresh.sessionFactory);
      fresh.tenants.create(5L);
      fresh.tenants.create(5L);
      fresh.tenants.create(6L);
      TenantContext.run(5L, () -> TenantData.persistTenant(fresh.sessionFactory, 5L));
      assertThat(fresh.tenants.list()).extracting(TenantInfo::tenant).containsExactly(5L, 6L);
      assertThat(fresh.tenants.list()).extracting(TenantInfo::schema)
          .containsExactly(fresh.tenants.schemaOf(5L), fresh.tenants.schemaOf(6L));
      assertThat(fresh.tenants.list().get(0).sizeBytes()).isPositive();
      fresh.tenants.drop(6L);
      fresh.tenants.drop(6L);
      assertThat(fresh.tenants.list()).extracting(TenantInfo::tenant).containsExactly(5L);
      fresh.tenants.create(6L);
      assertThat(cards(fresh, 6L)).isEmpty();
      assertThat(cards(fresh, 5L)).hasSize(8);
      assertThatThrownBy(() -> fresh.tenants.move(8L, "localhost", 5432))
          .isInstanceOfSatisfying(TenantSchemaException.class,
              e -> assertThat(e.problem()).isEqualTo(TenantSchemaException.Problem.UNKNOWN_TENANT));
      // a schema of the tenant's name that the library did not create is never touched
      String taken = fresh.tenants.schemaOf(9L);
      fresh.jdbc("CREATE SCHEMA \"" + taken + "\"");
      try {
        assertThatThrownBy(() -> fresh.tenants.create(9L)).isInstanceOfSatisfying(TenantSchemaException.class,
            e -> assertThat(e.problem()).isEqualTo(TenantSchemaException.Problem.NAME_COLLISION));
        assertThatThrownBy(() -> fresh.tenants.drop(9L)).isInstanceOfSatisfying(TenantSchemaException.class,
            e -> assertThat(e.problem()).isEqualTo(TenantSchemaException.Problem.NAME_COLLISION));
        assertThat(fresh.column("select nspname from pg_namespace where nspname = '" + taken + "'")).hasSize(1);
      } finally {
        fresh.jdbc("DROP SCHEMA \"" + taken + "\"");
      }
    }
  }

  @Test
  void noTenantIsCreatedWhileTheSharedSchemaHoldsATableNamedLikeATenantTable() {
    try (SchemaTenants fresh = SchemaTenants.open(2, true, Map.of())) {
      // the row model's cards left in the shared schema: a tenant schema without its own cards would read them
      fresh.jdbc("CREATE TABLE cards (id bigint, board_id bigint)");
      for (Runnable create : List.<Runnable>of(() -> fresh.tenants.create(5L), () -> fresh.tenants.createSchema(6L))) {
        assertThatThrownBy(create::run).isInstanceOfSatisfying(TenantSchemaException.class, e -> {
          assertThat(e.problem()).isEqualTo(TenantSchemaException.Problem.MODEL_CONFLICT);
          assertThat(e.getMessage()).contains("[cards]", CitusSettings.SCHEMA_SHARED, "SET SCHEMA");
        });
      }
      assertThat(fresh.tenants.list()).isEmpty();
      fresh.jdbc("DROP TABLE cards");
      fresh.tenants.create(5L);
      assertThat(fresh.tenants.list()).extracting(TenantInfo::tenant).containsExactly(5L);
    }
  }

  @Test
  void withoutCitusTheCitusStepsFailWhenConfiguredTo() {
    try (SchemaTenants strict = SchemaTenants.open(2, true,
        Map.of(CitusSettings.SCHEMA_WHEN_CITUS_MISSING, "fail"))) {
      if (strict.database.isCitus()) {
        strict.tenants.create(1L);
        assertThat(strict.tenants.list()).singleElement().satisfies(t -> assertThat(t.distributed()).isTrue());
      } else {
        assertThatThrownBy(() -> strict.tenants.create(1L)).isInstanceOfSatisfying(TenantSchemaException.class,
            e -> assertThat(e.problem()).isEqualTo(TenantSchemaException.Problem.CITUS_MISSING));
      }
    }
  }

  private static List<Card> cards(SchemaTenants tenants, long tenant) {
    return TenantContext.get(tenant, () -> tenants.sessionFactory.fromTransaction(s ->
        s.createQuery("from Card", Card.class).getResultList()));
  }

  @Test
  void hibernatesOwnSchemaManagementIsRefusedAtBoot() {
    for (String action : List.of("create", "update", "validate")) {
      assertThatThrownBy(() -> SchemaTenants.open(1, true, Map.of("hibernate.hbm2ddl.auto", action)))
          .hasStackTraceContaining("hibernate.hbm2ddl.auto=" + action).hasStackTraceContaining("CitusTenants.create");
    }
  }

  static MissingTenantException missingTenant(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MissingTenantException missing) {
        return missing;
      }
    }
    return null;
  }
}
