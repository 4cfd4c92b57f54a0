package io.citushibernate.schematenancy;

import static io.citushibernate.schematenancy.SchemaTenancyTest.missingTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.CitusSettings;
import io.citushibernate.tenancy.CitusTenants;
import io.citushibernate.tenant.TenantContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @TenantOwned} without a tenant column in schema mode: tenants 1, 2 and 3 hold notes with
 * the same ids and different values, each in its own schema, with the secondary and collection
 * tables beside them; every read sees its own tenant's values, writes leave the other tenants as
 * they were, and without a tenant nothing on those tables is sent.
 */
class TenantOwnedTest {
  private static final List<Long> TENANTS = List.of(1L, 2L, 3L);
  private static SchemaTenants db;

  @BeforeAll
  static void createTenants() {
    db = SchemaTenants.open(2, List.of(Plan.class, Note.class));
    for (long t : TENANTS) {
      db.tenants.create(t);
    }
  }

  @AfterAll
  static void dropTenants() {
    db.close();
  }

  @BeforeEach
  void seed() {
    for (long t : TENANTS) {
      TenantContext.run(t, () -> db.sessionFactory.inTransaction(s -> {
        s.createMutationQuery("delete from Note").executeUpdate();
        s.persist(new Note(1L, "t" + t + "-note-1", "t" + t + "-detail-1", List.of("t" + t + "-a", "t" + t + "-b")));
        s.persist(new Note(2L, "t" + t + "-note-2", "t" + t + "-detail-2", List.of()));
      }));
    }
  }

  @Test
  void theTablesLiveInEachTenantsSchemaAndNotInTheSharedOne() {
    for (long t : TENANTS) {
      String schema = db.tenants.schemaOf(t);
      assertThat(db.column("select tablename from pg_tables where schemaname = '" + schema + "' order by 1"))
          .containsExactly("note_details", "note_tags", "notes");
    }
    assertThat(db.column("select tablename from pg_tables where schemaname = '" + db.shared + "' order by 1"))
        .containsExactly("plans");
  }

  @Test
  void eachTenantReadsItsOwnRows() {
    for (long t : TENANTS) {
      assertThat(TenantContext.get(t, TenantOwnedTest::reads)).as("tenant %s", t).containsExactly(
          "find t" + t + "-note-1 / t" + t + "-detail-1 " + List.of("t" + t + "-a", "t" + t + "-b"),
          "jpql [t" + t + "-note-1, t" + t + "-note-2]",
          "native [t" + t + "-note-1/t" + t + "-detail-1, t" + t + "-note-2/t" + t + "-detail-2]",
          "tags [t" + t + "-a, t" + t + "-b]");
    }
  }

  @Test
  void updatesAndDeletesOfOneTenantLeaveTheOthersUnchanged() {
    Map<Long, List<String>> before = readsOfEveryTenant();
    TenantContext.run(2L, () -> db.sessionFactory.inTransaction(s -> {
      assertThat(s.createMutationQuery("update Note n set n.text = concat(n.text, '!')").executeUpdate()).isEqualTo(2);
      assertThat(s.createMutationQuery("delete from Note n where n.id = 2").executeUpdate()).isEqualTo(1);
      s.find(Note.class, 1L).getTags().add("t2-c");
      assertThat(s.createNativeMutationQuery("update note_details set detail = 'changed' where id = 1")
          .executeUpdate()).isEqualTo(1);
    }));
    Map<Long, List<String>> after = readsOfEveryTenant();
    assertThat(after.get(1L)).isEqualTo(before.get(1L));
    assertThat(after.get(3L)).isEqualTo(before.get(3L));
    assertThat(after.get(2L)).containsExactly("find t2-note-1! / changed [t2-a, t2-b, t2-c]", "jpql [t2-note-1!]",
        "native [t2-note-1!/changed]", "tags [t2-a, t2-b, t2-c]");
  }

  @Test
  void withoutATenantNothingOnItsTablesIsSent() {
    db.database.clearStatements();
    List<Runnable> attempts = List.of(
        () -> db.sessionFactory.inTransaction(s -> s.find(Note.class, 1L)),
        () -> db.sessionFactory.inTransaction(s -> s.createQuery("from Note", Note.class).getResultList()),
        () -> db.sessionFactory.inTransaction(s -> s.createNativeQuery("select tag from note_tags", String.class)
            .getResultList()),
        () -> db.sessionFactory.inTransaction(s -> s.createMutationQuery("delete from Note").executeUpdate()),
        () -> db.sessionFactory.inTransaction(s -> s.persist(new Note(9L, "none", "none", List.of()))));
    for (Runnable attempt : attempts) {
      assertThatThrownBy(attempt::run).satisfies(e -> assertThat(missingTenant(e)).as("%s", e).isNotNull());
    }
    assertThat(db.database.statements()).as("nothing on a tenant table was sent")
        .noneMatch(sql -> sql.contains("note"));
    assertThat(readsOfEveryTenant().values()).allSatisfy(reads -> assertThat(reads).hasSize(4));
  }

  @Test
  void aSessionOpenedOutsideAnyScopeCannotServeATenant() {
    try (Session session = db.sessionFactory.openSession()) {
      assertThatThrownBy(() -> TenantContext.run(1L, () -> session.find(Note.class, 1L)))
          .hasMessageContaining("this session was opened outside any tenant scope");
    }
  }

  @Test
  void aQueryOverSeveralTenantsAnswersEachTenantsOwnAnswerKeyedByTenantInOrder() {
    Map<Long, List<String>> own = readsOfEveryTenant();
    assertThat(own.get(1L)).isNotEqualTo(own.get(2L)); // a leak would change some answer
    List<Long> order = List.of(3L, 1L, 2L);
    Map<Long, List<String>> answers = CitusTenants.query(order, tenant -> reads());
    assertThat(answers.keySet()).containsExactlyElementsOf(order);
    for (long t : order) {
      assertThat(answers.get(t)).as("tenant %s", t).isEqualTo(own.get(t));
    }
    Map<Long, Long> counts = CitusTenants.query(List.of(1L, 2L), tenant -> db.sessionFactory.fromTransaction(s ->
        s.createQuery("select count(n) from Note n where n.text like :mine", Long.class)
            .setParameter("mine", "t" + tenant + "-%").getSingleResult()));
    assertThat(counts).containsExactly(Map.entry(1L, 2L), Map.entry(2L, 2L));
    assertThatThrownBy(() -> CitusTenants.query(List.of(1L, 1L), tenant -> reads()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
  }

  @Test
  void withoutATenantKeyTenantsAreLongsUnlessTheSettingSaysOtherwise() {
    assertThatThrownBy(() -> TenantContext.run("acme", () -> db.sessionFactory.inTransaction(s -> s.find(Note.class, 1L))))
        .hasStackTraceContaining("InvalidTenantException");
    assertThatThrownBy(() -> SchemaTenants.open(1, true, Map.of(CitusSettings.SCHEMA_TENANT_TYPE, "string")))
        .hasStackTraceContaining(CitusSettings.SCHEMA_TENANT_TYPE + " names String tenants, but the tenant key ")
        .hasStackTraceContaining(".tenantId is a Long");
  }

  private static Map<Long, List<String>> readsOfEveryTenant() {
    Map<Long, List<String>> reads = new LinkedHashMap<>();
    for (long t : TENANTS) {
      reads.put(t, TenantContext.get(t, TenantOwnedTest::reads));
    }
    return reads;
  }

  /** What the current tenant reads of its notes, in text. */
  private static List<String> reads() {
    List<String> out = new ArrayList<>();
    db.sessionFactory.inTransaction(s -> {
      Note note = s.find(Note.class, 1L);
      out.add("find " + note.getText() + " / " + note.getDetail() + " " + List.copyOf(note.getTags()));
      out.add("jpql " + s.createQuery("select n.text from Note n order by n.id", String.class).getResultList());
      out.add("native " + s.createNativeQuery("select n.text, d.detail from notes n join note_details d on d.id = n.id "
          + "order by n.id", Object[].class).getResultList().stream().map(r -> r[0] + "/" + r[1]).toList());
      out.add("tags " + s.createNativeQuery("select tag from note_tags where note_id = 1 order by position",
          String.class).getResultList());
    });
    return out;
  }
}
