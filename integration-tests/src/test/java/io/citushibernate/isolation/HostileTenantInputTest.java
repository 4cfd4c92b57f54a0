package io.citushibernate.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.citushibernate.InvalidTenantException;
import io.citushibernate.CitusSettings;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.Routing;
import io.citushibernate.testkit.CitusTestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenant values an attacker might choose: quotes, comment markers, semicolons, backslashes,
 * unicode, NUL, numbers out of range or negative, null and the wrong Java type. Each is either
 * refused with a typed exception before any SQL is sent, or stored and read back verbatim as a
 * harmless value, isolated like any other tenant. Never executed as SQL.
 */
class HostileTenantInputTest {
  /** Slugs that are valid String tenants, however they look. */
  static final List<String> HOSTILE_SLUGS = List.of(
      "o'brien",
      "x'; drop table notes; --",
      "x' or '1'='1",
      "'' or 1=1 --",
      "a; delete from notes",
      "/* comment */",
      "*/ or 1=1 /*",
      "-- comment",
      "back\\slash",
      "\\'; drop table workspaces; --",
      "trailing\\",
      "E'\\x27'",
      "$$ or 1=1 $$",
      "$tag$x$tag$",
      "\"quoted\"",
      "?",
      "?::text",
      "ünïcødé ✓ 𝄞 中文",
      "tab\tnew\nline\r",
      "",
      " ",
      "x".repeat(3000));

  /** Sessions operations on tenant tables; each must fail before SQL when the tenant is invalid. */
  static final List<Consumer<Session>> AD_OPERATIONS = List.of(
      s -> s.createQuery("from Campaign", Campaign.class).getResultList(),
      s -> s.find(Campaign.class, 1L),
      s -> s.find(Company.class, 1L),
      s -> s.persist(new Campaign("x", "running", 1)),
      s -> s.createNativeQuery("select * from campaigns", Object[].class).getResultList(),
      s -> s.createMutationQuery("update Campaign c set c.name = 'owned'").executeUpdate(),
      s -> s.createNativeMutationQuery("delete from campaigns").executeUpdate());

  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter", "literal, standard_conforming_strings off"})
  void hostileStringTenantsAreStoredVerbatimAndStayIsolated(String mode) {
    String binding = mode.startsWith("literal") ? "literal" : "parameter";
    CitusTestDatabase.Builder database = CitusTestDatabase.create();
    if (mode.contains("off")) {
      database.connectionProperty("options", "-c standard_conforming_strings=off");
    }
    try (Fixture db = Fixture.of(database, 2, List.of(Workspace.class, Note.class),
        Map.of(CitusSettings.TENANT_BINDING, binding))) {
      if (mode.contains("off")) {
        assumeFalse(db.database.isCitus(), "Citus writes the shard queries by the coordinator session's "
            + "standard_conforming_strings (off: backslashes doubled, no E'') but its connections to the "
            + "workers keep the default (on), so workers store every backslash twice");
        assertThat(db.jdbc("show standard_conforming_strings").get(0)[0]).isEqualTo("off");
      }
      for (String slug : HOSTILE_SLUGS) {
        TenantContext.run(slug, () -> db.sessionFactory.inTransaction(s -> {
          s.persist(new Workspace(slug, "title of " + slug));
          Note note = new Note("note of " + slug);
          s.persist(note);
          assertThat(note.getWorkspaceSlug()).isEqualTo(slug);
        }));
      }
      for (String slug : HOSTILE_SLUGS) {
        Runnable reads = () -> TenantContext.run(slug, () -> db.sessionFactory.inTransaction(s -> {
          List<Note> notes = s.createQuery("from Note", Note.class).getResultList();
          assertThat(notes).as("notes seen by %s", slug).singleElement().satisfies(n -> {
            assertThat(n.getWorkspaceSlug()).isEqualTo(slug);
            assertThat(n.getText()).isEqualTo("note of " + slug);
          });
          List<Object[]> rows = s.createNativeQuery("select workspace_slug, text from notes", Object[].class)
              .getResultList();
          assertThat(rows).singleElement().satisfies(r -> assertThat(r[0]).isEqualTo(slug));
          assertThat(s.createQuery("select count(w) from Workspace w", Long.class).setCacheable(true)
              .getSingleResult()).isEqualTo(1L);
          Workspace own = s.find(Workspace.class, slug);
          assertThat(own).isNotNull();
          assertThat(own.getTitle()).isEqualTo("title of " + slug);
          assertThat(s.createMutationQuery("update Note n set n.text = n.text").executeUpdate()).isEqualTo(1);
        }));
        if (binding.equals("literal") && slug.contains("\\")) {
          Routing.analyzerBlindSpot(db.database, "the testkit's parser cannot read some E'...' literals with "
              + "backslash escapes", reads);
        } else {
          reads.run();
        }
      }
      // nothing was executed as SQL: the tables are there, with exactly the values stored
      Set<Object> stored = new HashSet<>();
      db.jdbc("select slug from workspaces").forEach(r -> stored.add(r[0]));
      assertThat(stored).isEqualTo(new HashSet<>(HOSTILE_SLUGS));
      List<Object[]> notes = db.jdbc("select workspace_slug, text from notes");
      assertThat(notes).hasSize(HOSTILE_SLUGS.size())
          .allSatisfy(r -> assertThat(r[1]).isEqualTo("note of " + r[0]));

      // values a String tenant can never be: refused before any SQL
      List<Object> refused = new ArrayList<>(List.of("nul\0byte", "\0", 42L, 7, UUID.randomUUID()));
      for (Object value : refused) {
        db.clearStatements();
        Throwable thrown = catchThrowable(() -> TenantContext.run(value, () -> db.sessionFactory.inTransaction(s ->
            s.createQuery("from Note", Note.class).getResultList())));
        assertThat(thrown).as("tenant %s", value).isInstanceOf(InvalidTenantException.class);
        assertThat(db.statements()).as("SQL sent for tenant %s", value).isEmpty();
      }
      assertThat(db.jdbcLong("select count(*) from notes")).isEqualTo(HOSTILE_SLUGS.size());
    }
  }

  @Test
  void invalidLongTenantsAreRefusedBeforeAnySql() {
    try (Fixture db = Fixture.adAnalytics(2, "literal", Map.of())) {
      seed(db, 1L, 2L);
      // not a tenant value at all: refused when the scope opens
      List<Object> unopenable = List.of(1.5d, 2.0f, new BigDecimal("1"), new BigInteger("18446744073709551616"),
          Boolean.TRUE, 'x', new byte[] {1}, new Object(), List.of(1L), "1\0");
      for (Object value : unopenable) {
        assertThatThrownBy(() -> TenantContext.open(value)).as("tenant %s", value)
            .isInstanceOf(InvalidTenantException.class);
      }
      // null: refused when the scope opens (NullPointerException naming the tenant)
      assertThatThrownBy(() -> TenantContext.open(null)).isInstanceOfAny(NullPointerException.class,
          InvalidTenantException.class).hasMessageContaining("tenant");
      // valid tenant values, but not for a Long tenant key: refused before the first statement
      List<Object> wrongForLong = List.of("1", "1' or '1'='1", "1; drop table campaigns", "1 -- ", "1 /* x */",
          "\\", "ü", "", UUID.randomUUID());
      for (Object value : wrongForLong) {
        for (Consumer<Session> operation : AD_OPERATIONS) {
          db.clearStatements();
          Throwable thrown = catchThrowable(() -> TenantContext.run(value, () ->
              db.sessionFactory.inTransaction(operation)));
          assertThat(thrown).as("tenant %s", value).isInstanceOf(InvalidTenantException.class);
          assertThat(db.statements()).as("SQL sent for tenant %s", value).isEmpty();
        }
      }
      assertThat(db.jdbcLong("select count(*) from campaigns")).isEqualTo(2);
      assertThat(db.jdbc("select name from campaigns")).noneSatisfy(r -> assertThat(r[0]).isEqualTo("owned"));
    }
  }

  @ParameterizedTest(name = "tenant binding {0}")
  @ValueSource(strings = {"literal", "parameter"})
  void negativeAndExtremeNumbersAreOrdinaryIsolatedTenants(String binding) {
    try (Fixture db = Fixture.adAnalytics(2, binding, Map.of())) {
      List<Long> tenants = List.of(-1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 0L, (long) Integer.MIN_VALUE);
      seed(db, tenants.toArray(Long[]::new));
      for (long t : tenants) {
        for (Object value : t >= Integer.MIN_VALUE && t <= Integer.MAX_VALUE ? List.of(t, (int) t) : List.of(t)) {
          List<Campaign> seen = TenantContext.get(value, () -> db.sessionFactory.fromSession(s ->
              s.createQuery("from Campaign", Campaign.class).getResultList()));
          assertThat(seen).as("tenant %s", value).singleElement()
              .satisfies(c -> assertThat(c.getCompanyId()).isEqualTo(t));
          List<Object> native_ = TenantContext.get(value, () -> db.sessionFactory.fromSession(s ->
              s.createNativeQuery("select company_id from campaigns where id > -company_id - 1 or true", Object.class)
                  .getResultList()));
          assertThat(native_).as("tenant %s", value).singleElement()
              .satisfies(v -> assertThat(((Number) v).longValue()).isEqualTo(t));
        }
      }
      assertThat(db.jdbcLong("select count(*) from campaigns")).isEqualTo(tenants.size());
    }
  }

  /** One company and one campaign per tenant. */
  static void seed(Fixture db, Long... tenants) {
    TenantContext.runCrossTenant("test fixture", () -> db.sessionFactory.inTransaction(s -> {
      for (long t : tenants) {
        s.persist(new Company(t, "Company " + t));
        Campaign c = new Campaign("campaign of " + t, "running", 1);
        c.setCompanyId(t);
        s.persist(c);
      }
    }));
    db.clearStatements();
  }
}
