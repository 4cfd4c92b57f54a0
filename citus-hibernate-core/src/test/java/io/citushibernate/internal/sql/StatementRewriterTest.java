package io.citushibernate.internal.sql;

import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import io.citushibernate.tenant.TenantType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.InvalidTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.UnscopableStatementException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementRewriterTest {
  private final StatementRewriter rewriter = new StatementRewriter(RewriteCases.adAnalytics(), 1000, true);

  static Stream<RewriteCases.Case> cases() {
    return RewriteCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scopesEachStatementToTheTenant(RewriteCases.Case c) {
    Rewrite rewrite = rewriter.analyse(c.in());

    String out = rewrite.render("5");

    assertThat(out).isEqualTo(c.out());
    if (c.unchanged()) {
      assertThat(out).isSameAs(c.in());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scopingTheResultAgainChangesNothing(RewriteCases.Case c) {
    String once = rewriter.analyse(c.in()).render("5");

    assertThat(rewriter.analyse(once).render("5")).isEqualTo(once);
  }

  @Test
  void hasEnoughCases() {
    assertThat(RewriteCases.all()).hasSizeGreaterThanOrEqualTo(45);
  }

  @Test
  void reportsTheTenantTablesTouched() {
    Rewrite rewrite = rewriter.analyse("select * from ads a join campaigns c on c.id = a.campaign_id join geo_ips g on true");

    assertThat(rewrite.touchesTenantTables()).isTrue();
    assertThat(rewrite.tenantTables()).containsExactly("ads", "campaigns");
    assertThat(rewriter.analyse("select * from geo_ips").touchesTenantTables()).isFalse();
  }

  @Test
  void aPredicateForAnotherTenantIsKeptAndTheCurrentOneAdded() {
    Rewrite rewrite = rewriter.analyse("select * from ads a where a.company_id = 5");

    assertThat(rewrite.render("5")).isEqualTo("SELECT * FROM ads a WHERE a.company_id = 5");
    assertThat(rewrite.render("6")).isEqualTo("SELECT * FROM ads a WHERE a.company_id = 5 AND a.company_id = 6");
  }

  @Test
  void parametersWrittenIntoTheTenantColumnAreCheckedWhenBound() {
    assertThat(rewriter.analyse("insert into ads (id, company_id, name) values (?, ?, ?)").checkedParameters())
        .containsExactly(2);
    assertThat(rewriter.analyse("insert into ads (id, company_id) values (?, ?), (?, ?)").checkedParameters())
        .containsExactly(2, 4);
    assertThat(rewriter.analyse("update ads set name = ?, company_id = ? where id = ?").checkedParameters())
        .containsExactly(2);
    assertThat(rewriter.analyse("insert into ads (id, company_id) select ?, ? from campaigns where id = ?")
        .checkedParameters()).containsExactly(2);
    // the placeholder count skips literals and comments, and the tenant slots that render as literals
    assertThat(rewriter.analyse("insert into ads (name, /* ? */ id, company_id) select '?', ?, ? from campaigns c "
        + "join ads a on a.id = c.id").checkedParameters()).containsExactly(2);
    assertThat(rewriter.analyse("select * from ads where company_id = ?").checkedParameters()).isEmpty();
  }

  @Test
  void fullJoinOutputIsIdempotentForItsTenantOnly() {
    String once = rewriter.analyse("select * from campaigns c full join ads a on a.campaign_id = c.id").render("5");

    assertThat(rewriter.analyse(once).render("5")).isEqualTo(once);
    assertThat(rewriter.analyse(once).render("7")).contains("campaigns.company_id = 7", "ads.company_id = 7");
  }

  @Test
  void runsOnTheCallingThread() {
    long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
    StatementRewriter fresh = new StatementRewriter(RewriteCases.adAnalytics(), 1000, true);

    for (RewriteCases.Case c : RewriteCases.all()) {
      fresh.analyse(c.in()).render("5");
    }

    assertThat(ManagementFactory.getThreadMXBean().getTotalStartedThreadCount()).isEqualTo(started);
  }

  @Nested
  class Cache {
    @Test
    void returnsTheSameAnalysisForTheSameText() {
      String sql = "select c1_0.id from campaigns c1_0 where c1_0.id=?";

      Rewrite first = rewriter.analyse(sql);

      assertThat(rewriter.analyse(new String(sql.toCharArray()))).isSameAs(first);
      assertThat(rewriter.cachedStatements()).isEqualTo(1);
    }

    @Test
    void staysBounded() {
      StatementRewriter small = new StatementRewriter(RewriteCases.adAnalytics(), 8, true);

      for (int i = 0; i < 100; i++) {
        small.analyse("select * from ads where id = " + i);
        small.analyse("select " + i + " from geo_ips");
      }

      assertThat(small.cachedStatements()).isBetween(1, 8);
      assertThat(small.analyse("select * from ads where id = 99").render("5"))
          .isEqualTo("SELECT * FROM ads WHERE id = 99 AND ads.company_id = 5");
    }

    /** Frequency decides what stays: a hot statement is not lost to a flood of one-off statements. */
    @Test
    void keepsTheStatementsUsedOftenUnderAFloodOfOthers() {
      StatementRewriter small = new StatementRewriter(RewriteCases.adAnalytics(), 16, true);
      String hot = "select * from campaigns where id = ?";
      Rewrite first = small.analyse(hot);
      for (int i = 0; i < 2000; i++) {
        small.analyse("select " + i + " from ads");
        if (i % 4 == 0) {
          assertThat(small.analyse(hot)).as("after %d other statements", i).isSameAs(first);
        }
      }
    }

    @Test
    void refusesANonPositiveSize() {
      assertThatThrownBy(() -> new StatementRewriter(RewriteCases.adAnalytics(), 0, true))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Literals {
    private final StatementRewriter stores = new StatementRewriter(new TenantTables(List.of(
        new TenantTable(null, "stores", "store_id"),
        new TenantTable(null, "products", "store_id"),
        new TenantTable(null, "orders", "store_id"),
        new TenantTable(null, "line_items", "store_id"))), 100, true);

    @Test
    void rendersAUuidTenant() {
      String literal = TenantType.UUID.literal(UUID.fromString("8c69aa0d-3f13-4440-86ca-443566c1fc75"));

      String sql = stores.analyse("select sum(l.quantity) from line_items l inner join products p "
          + "on l.product_id = p.product_id where p.name='Awesome Wool Pants'").render(literal);

      assertThat(sql).isEqualTo("SELECT sum(l.quantity) FROM line_items l INNER JOIN products p "
          + "ON l.product_id = p.product_id WHERE p.name = 'Awesome Wool Pants' "
          + "AND l.store_id = '8c69aa0d-3f13-4440-86ca-443566c1fc75' "
          + "AND p.store_id = '8c69aa0d-3f13-4440-86ca-443566c1fc75'");
    }

    @Test
    void recognisesAUuidPredicateAlreadyPresentAlsoWhenCast() {
      String literal = "'8c69aa0d-3f13-4440-86ca-443566c1fc75'";
      String sql = "select * from orders o where o.store_id = '8c69aa0d-3f13-4440-86ca-443566c1fc75'::uuid";

      assertThat(stores.analyse(sql).render(literal))
          .isEqualTo("SELECT * FROM orders o WHERE o.store_id = '8c69aa0d-3f13-4440-86ca-443566c1fc75'::uuid");
    }

    @Test
    void fillsAUuidTenantIntoAnInsert() {
      String literal = TenantType.UUID.literal(UUID.fromString("8c69aa0d-3f13-4440-86ca-443566c1fc75"));

      assertThat(stores.analyse("insert into orders (order_id, status) values (?, ?)").render(literal))
          .isEqualTo("INSERT INTO orders (order_id, status, store_id) "
              + "VALUES (?, ?, '8c69aa0d-3f13-4440-86ca-443566c1fc75')");
    }

    @Test
    void rendersStringAndNegativeTenants() {
      Rewrite rewrite = rewriter.analyse("select * from ads where id = ?");

      assertThat(rewrite.render(TenantType.STRING.literal("acme"))).endsWith("ads.company_id = 'acme'");
      assertThat(rewrite.render(TenantType.LONG.literal(-5L))).endsWith("ads.company_id = -5");
      assertThat(rewrite.render(TenantType.STRING.literal("o'neil\\"))).endsWith("ads.company_id = E'o''neil\\\\'");
    }

    @Test
    void checksANegativeLiteralAlreadyWritten() {
      Rewrite rewrite = rewriter.analyse("insert into ads (id, company_id) values (1, -5)");

      assertThat(rewrite.render("-5")).isEqualTo("INSERT INTO ads (id, company_id) VALUES (1, -5)");
      assertThatThrownBy(() -> rewrite.render("5")).isInstanceOf(TenantMismatchException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5; drop table x", "x' or '1'='1", "x'; delete from ads; --", "\\'; drop table x; --",
        "a$$b", "*/ or 1=1 /*"})
    void anInjectionAttemptAsStringTenantStaysOneLiteral(String tenant) {
      String literal = TenantType.STRING.literal(tenant);

      String sql = rewriter.analyse("select * from ads where id = 1").render(literal);

      assertThat(sql).isEqualTo("SELECT * FROM ads WHERE id = 1 AND ads.company_id = " + literal);
      // one literal: inside the quotes only doubled quotes, and with E'' only doubled backslashes
      assertThat(literal).matches("'([^']|'')*'|E'([^'\\\\]|''|\\\\\\\\)*'");
    }
  }

  @Nested
  class TenantTypes {
    @Test
    void printsEachType() {
      assertThat(TenantType.LONG.literal(5L)).isEqualTo("5");
      assertThat(TenantType.LONG.literal(5)).isEqualTo("5");
      assertThat(TenantType.INTEGER.literal(5L)).isEqualTo("5");
      assertThat(TenantType.INTEGER.literal((short) -3)).isEqualTo("-3");
      assertThat(TenantType.UUID.literal(new UUID(0, 1))).isEqualTo("'00000000-0000-0000-0000-000000000001'");
      assertThat(TenantType.STRING.literal("it's")).isEqualTo("'it''s'");
      assertThat(TenantType.STRING.literal("a\\b'c")).isEqualTo("E'a\\\\b''c'");
    }

    @Test
    void mapsJavaTypes() {
      assertThat(TenantType.of(long.class)).isEqualTo(TenantType.LONG);
      assertThat(TenantType.of(Integer.class)).isEqualTo(TenantType.INTEGER);
      assertThat(TenantType.of(UUID.class)).isEqualTo(TenantType.UUID);
      assertThat(TenantType.of(String.class)).isEqualTo(TenantType.STRING);
      assertThat(TenantType.of(Double.class)).isNull();
    }

    static Stream<Arguments> invalid() {
      return Stream.of(
          Arguments.of(TenantType.LONG, "5", "does not match"),
          Arguments.of(TenantType.LONG, 5.0, "does not match"),
          Arguments.of(TenantType.INTEGER, 1L << 40, "out of range"),
          Arguments.of(TenantType.INTEGER, (long) Integer.MIN_VALUE - 1, "out of range"),
          Arguments.of(TenantType.UUID, "8c69aa0d-3f13-4440-86ca-443566c1fc75", "does not match"),
          Arguments.of(TenantType.STRING, 5, "does not match"),
          Arguments.of(TenantType.STRING, "a\0b", "NUL"),
          Arguments.of(TenantType.LONG, null, "null"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesInvalidValues(TenantType type, Object value, String message) {
      assertThatThrownBy(() -> type.literal(value))
          .isInstanceOf(InvalidTenantException.class)
          .hasMessageContaining(message);
    }
  }

  @Nested
  class Refusals {
    @Test
    void unparseableSqlOnATenantTable() {
      assertThatThrownBy(() -> rewriter.analyse("select from where campaigns"))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("Cannot parse a statement that names tenant table(s) [campaigns]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // fuzzer: * hid that the tenant column got accounts' ids, writing rows of other tenants
        "insert into ads (company_id, id) select * from (select a.id, a.company_id from ads a) s",
        "insert into ads (id, company_id) select 5, a.* from ads a",
        "insert into ads (company_id, id) select a.* from ads a",
        "insert into ads (id, company_id, name) select *, 'x' from ads"})
    void insertSelectWhoseTenantValueHidesBehindAStar(String sql) {
      assertThatThrownBy(() -> rewriter.analyse(sql)).isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("takes the tenant column company_id from a SELECT list with * in it");
    }

    @Test
    void insertSelectWithAStarBeforeTheTenantValueIsCheckedFromTheBack() {
      // the rewrite of an INSERT ... SELECT * without the tenant column appends the tenant after the *
      String once = rewriter.analyse("insert into ads (id) select * from (select id from campaigns) s").render("5");

      assertThat(once).isEqualTo("INSERT INTO ads (id, company_id) SELECT *, 5 FROM (SELECT id FROM campaigns "
          + "WHERE campaigns.company_id = 5) s");
      assertThat(rewriter.analyse(once).render("5")).isEqualTo(once);
      assertThatThrownBy(() -> rewriter.analyse(once).render("6")).isInstanceOf(TenantMismatchException.class);
    }

    @Test
    void unparseableSqlOnATenantTableIsSentWhenAllowed() {
      StatementRewriter lenient = new StatementRewriter(RewriteCases.adAnalytics(), 10, false);
      String sql = "select * from ads where user_ip <<= inet '1.2.3.0/24'";

      assertThat(lenient.analyse(sql).render("5")).isSameAs(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"select from where foo", "select * from geo_ips where addrs >>= '1.2.3.4'",
        "select 'ads' from geo_ips where addrs <<= '1.2.3.0/24'", "vacuum geo_ips"})
    void unparseableSqlWithoutTenantTablesPassesUnchanged(String sql) {
      assertThat(rewriter.analyse(sql).render("5")).isSameAs(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"select 'ads' from geo_ips", "select 1 -- from ads\n from geo_ips",
        "select 1 /* ads /* nested */ campaigns */ from geo_ips", "select $q$ from ads $q$ from geo_ips",
        "select E'\\' from ads' from geo_ips", "select * from geo_ips where addrs::text = 'clicks'"})
    void tenantTableNamesInLiteralsAndCommentsAreIgnored(String sql) {
      Rewrite rewrite = rewriter.analyse(sql);

      assertThat(rewrite.touchesTenantTables()).isFalse();
      assertThat(rewrite.render("5")).isSameAs(sql);
    }

    @Test
    void severalStatements() {
      assertThatThrownBy(() -> rewriter.analyse("select * from campaigns where id = 1; delete from ads"))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("Several statements in one string name tenant table(s) [campaigns, ads]");
    }

    @Test
    void severalStatementsAreRefusedEvenWhenUnparseableSqlIsAllowed() {
      StatementRewriter lenient = new StatementRewriter(RewriteCases.adAnalytics(), 10, false);

      assertThatThrownBy(() -> lenient.analyse("select 1; delete from ads"))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("[ads]");
    }

    @Test
    void aTrailingSemicolonIsOneStatement() {
      assertThat(rewriter.analyse("select * from ads;").render("5"))
          .isEqualTo("SELECT * FROM ads WHERE ads.company_id = 5");
    }

    @Test
    void insertWithoutColumnList() {
      assertThatThrownBy(() -> rewriter.analyse("insert into ads values (1, 5, 'x')"))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("INSERT into tenant table ads must name its columns")
          .hasMessageContaining("company_id");
    }

    @Test
    void insertOfAnotherTenantsLiteral() {
      Rewrite rewrite = rewriter.analyse("insert into ads (id, company_id, name) values (1, 6, 'x')");

      assertThatThrownBy(() -> rewrite.render("5"))
          .isInstanceOf(TenantMismatchException.class)
          .hasMessageContaining("tenant value 6")
          .hasMessageContaining("current tenant is 5");
      assertThat(rewrite.render("6")).isEqualTo("INSERT INTO ads (id, company_id, name) VALUES (1, 6, 'x')");
    }

    @Test
    void updateSettingTheTenantColumnToAnotherLiteral() {
      Rewrite rewrite = rewriter.analyse("update ads set company_id = 6 where id = 1");

      assertThatThrownBy(() -> rewrite.render("5"))
          .isInstanceOf(TenantMismatchException.class)
          .hasMessageContaining("tenant value 6");
    }

    @Test
    void updateSettingTheTenantColumnToItsOwnLiteralOrABindParameter() {
      // the tenant's own literal becomes the column itself (fuzzer on Citus: with the tenant bound as a
      // parameter in WHERE, Citus cannot prove "SET company_id = 5" keeps the distribution column)
      assertThat(rewriter.analyse("update ads set company_id = 5 where id = 1").render("5"))
          .isEqualTo("UPDATE ads SET company_id = ads.company_id WHERE id = 1 AND ads.company_id = 5");
      assertThat(rewriter.analyse("update ads a set company_id = 5, name = 'x' from campaigns c where c.id = a.id")
          .render("5")).startsWith("UPDATE ads a SET company_id = a.company_id, name = 'x'");
      String once = rewriter.analyse("update ads set company_id = 5 where id = 1").render("5");
      assertThat(rewriter.analyse(once).render("5")).isEqualTo(once);
      assertThat(rewriter.analyse("update ads set company_id = ? where id = 1").render("5"))
          .isEqualTo("UPDATE ads SET company_id = ? WHERE id = 1 AND ads.company_id = 5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"update ads set company_id = company_id + 1",
        "update ads a set company_id = (select max(id) from companies)",
        "insert into ads (id, company_id) values (?, ?) on conflict (id, company_id) do update set company_id = excluded.company_id + 1",
        "insert into ads (id, company_id) select id, id from geo_ips"})
    void writingTheTenantColumnFromAnExpression(String sql) {
      assertThatThrownBy(() -> rewriter.analyse(sql))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("The tenant column ads.company_id may only be written with a bind parameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "merge into ads a using campaigns c on a.campaign_id = c.id when matched then delete",
        "merge into geo_ips g using (select * from ads) s on (true) when matched then delete",
        "merge into ads as t using (select ? id, ? name) as s on (t.id=s.id) when matched then update set name=s.name",
        "merge into ads as t using (select ? id, ? name) as s on (t.id=s.id or t.name=s.name) when not matched then "
            + "insert (id, name) values (s.id, s.name)",
        "merge into ads as t using (select ? id, ? name) as s on (t.id=s.id) when not matched then insert (id, name) "
            + "values (s.id, s.name) when matched then update set name=s.name || 'x'"})
    void mergeThatIsNotAnUpsertOfOneRow(String sql) {
      assertThatThrownBy(() -> rewriter.analyse(sql))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("MERGE on tenant table(s) cannot be scoped to one tenant")
          .hasMessageContaining("INSERT ... ON CONFLICT")
          .hasMessageNotContaining("runCrossTenant");
    }

    @Test
    void mergeOfAnOptionalSecondaryTableRow() {
      assertThatThrownBy(() -> rewriter.analyse("merge into ads as t using (select ? id, ? name) as s on (t.id=s.id) "
          + "when not matched then insert (id, name) values (s.id, s.name) when matched and s.name is null then delete "
          + "when matched then update set name=s.name"))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("THEN DELETE")
          .hasMessageContaining("@org.hibernate.annotations.SecondaryRow(table = \"ads\", optional = false)")
          .hasMessageNotContaining("runCrossTenant");
    }

    @Test
    void mergeWritingAnotherTenantsLiteral() {
      Rewrite rewrite = rewriter.analyse("merge into ads as t using (select 1 id, 6 company_id) as s on (t.id=s.id) "
          + "when not matched then insert (id, company_id) values (s.id, s.company_id)");

      assertThatThrownBy(() -> rewrite.render("5")).isInstanceOf(TenantMismatchException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncate ads", "drop table ads", "alter table ads add column x int"})
    void otherStatementsOnTenantTables(String sql) {
      assertThatThrownBy(() -> rewriter.analyse(sql))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("statements on tenant table(s) [ads] cannot be scoped to one tenant")
          .hasMessageNotContaining("runCrossTenant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"table ads", "select * into ads from geo_ips"})
    void tenantTablesWhereNoPredicateFits(String sql) {
      assertThatThrownBy(() -> rewriter.analyse(sql))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("Tenant table(s) [ads] used in a position that cannot carry the tenant predicate");
    }

    @Test
    void aNulCharacter() {
      assertThatThrownBy(() -> rewriter.analyse("select * from ads where name = 'a\0'"))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("NUL");
    }
  }

  @Nested
  class TableNames {
    @Test
    void aQuotedMixedCaseTenantTableMatchesOnlyQuoted() {
      StatementRewriter quoted = new StatementRewriter(
          new TenantTables(List.of(new TenantTable(null, "Campaigns", "\"CompanyId\""))), 10, true);

      assertThat(quoted.analyse("select * from \"Campaigns\" c where c.id = 1").render("5"))
          .isEqualTo("SELECT * FROM \"Campaigns\" c WHERE c.id = 1 AND c.\"CompanyId\" = 5");
      String folded = "select * from Campaigns";
      assertThat(quoted.analyse(folded).render("5")).isSameAs(folded);
    }

    @Test
    void aSchemaQualifiedTenantTable() {
      StatementRewriter app = new StatementRewriter(
          new TenantTables(List.of(new TenantTable("app", "ads", "company_id"))), 10, true);

      assertThat(app.analyse("select * from app.ads").render("5"))
          .isEqualTo("SELECT * FROM app.ads WHERE ads.company_id = 5");
      assertThat(app.analyse("select * from ads").render("5"))
          .isEqualTo("SELECT * FROM ads WHERE ads.company_id = 5");
      String other = "select * from other.ads";
      assertThat(app.analyse(other).render("5")).isSameAs(other);
    }

    @Test
    void theTargetOfADeleteIsNeverACte() {
      assertThat(rewriter.analyse("with ads as (select 1 as id) delete from ads where id in (select id from ads)")
          .render("5"))
          .isEqualTo("WITH ads AS (SELECT 1 AS id) DELETE FROM ads WHERE id IN (SELECT id FROM ads) "
              + "AND ads.company_id = 5");
    }
  }
}
