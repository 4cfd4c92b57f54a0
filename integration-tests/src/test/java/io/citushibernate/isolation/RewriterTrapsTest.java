package io.citushibernate.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.UnscopableStatementException;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testing.Routing;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Table names inside string literals or comments do not fool the statement rewriter, on the real
 * database: statements on other tables are not refused or changed, statements on tenant tables
 * are scoped whatever their comments say, and unreadable ones are refused unsent.
 */
class RewriterTrapsTest {
  static Fixture db;

  @BeforeAll
  static void boot() {
    db = Fixture.adAnalytics(2, "literal", Map.of());
    HostileTenantInputTest.seed(db, 1L, 2L, 3L);
    TenantContext.runCrossTenant("test fixture", () -> db.sessionFactory.inTransaction(s ->
        s.persist(new io.citushibernate.fixtures.adanalytics.GeoIp("10.0.0.0/8", 1, 2))));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void tenantTableNamesInLiteralsAndCommentsOfOtherStatementsChangeNothing() {
    for (String sql : List.of(
        "select 'campaigns' from geo_ips",
        "select 'x from campaigns where 1=1' from geo_ips",
        "select * from geo_ips /* from campaigns */",
        "select * from geo_ips -- join campaigns on true",
        "select $$campaigns$$ from geo_ips",
        "select $q$ ' from campaigns $q$ from geo_ips",
        "select E'\\' from campaigns' from geo_ips",
        "select \"addrs\" as \"campaigns\" from geo_ips")) {
      for (Long tenant : new Long[] {null, 2L}) {
        db.clearStatements();
        Supplier<List<Object>> run = () -> tenant == null ? query(sql) : TenantContext.get(tenant, () -> query(sql));
        List<Object> rows = !sql.startsWith("select E'") ? run.get() : Routing.analyzerBlindSpot(db.database,
            "the testkit's parser ends E'\\' at the quote, and reads the rest as a query on campaigns", run);
        assertThat(rows).as(sql).hasSize(1);
        assertThat(db.statements()).as(sql).containsExactly(sql);
      }
    }
  }

  @Test
  void commentsCannotSwitchOffTheTenantPredicate() {
    for (String sql : List.of(
        "select company_id from campaigns -- where company_id = 1",
        "select company_id from campaigns /* where company_id = 1 */",
        "select company_id from campaigns where name like '%' -- and company_id = 1",
        "select company_id from campaigns where name <> 'x'' or 1=1 --'",
        "select company_id from campaigns where name <> $$' or true --$$",
        "select company_id from campaigns where true /* ) or (true */",
        "select company_id from \"campaigns\"",
        "select company_id from " + db.database.schema() + ".campaigns",
        "SELECT COMPANY_ID FROM CAMPAIGNS")) {
      db.clearStatements();
      List<Object> rows = TenantContext.get(2L, () -> query(sql));
      assertThat(rows).as(sql).singleElement().satisfies(v -> assertThat(((Number) v).longValue()).isEqualTo(2L));
      assertThat(db.statements()).as(sql).singleElement().asString().contains("company_id = 2");
    }
  }

  @Test
  void unreadableOrStackedStatementsOnTenantTablesAreRefusedUnsent() {
    for (String sql : List.of(
        "select * from campaigns where",
        "select * from campaigns where ((name = 'x')",
        "select c.name from campaigns c where c.name operator(pg_catalog.~~) 'c%'",
        "select 1 from geo_ips; delete from campaigns",
        "select * from campaigns; select * from ads",
        "select * from geo_ips; drop table campaigns")) {
      db.clearStatements();
      assertThatThrownBy(() -> TenantContext.run(2L, () -> query(sql))).as(sql)
          .isInstanceOf(UnscopableStatementException.class);
      assertThat(db.statements()).as(sql).isEmpty();
    }
    assertThat(db.jdbcLong("select count(*) from campaigns")).isEqualTo(3);
    // a statement the parser cannot read, naming a tenant table only in a comment: it is not a tenant statement
    db.clearStatements();
    String unreadable = "select addrs /* campaigns */ from geo_ips where addrs operator(pg_catalog.~~) '10%'";
    assertThat(Routing.analyzerBlindSpot(db.database, "unparseable for the testkit too, which then sees the "
        + "table name in the comment", () -> query(unreadable))).hasSize(1);
    assertThat(db.statements()).containsExactly(unreadable);
  }

  /**
   * JSqlParser 5.3 needed about 70 seconds to give up on this statement, on the calling thread:
   * anyone who could send native SQL could hold a thread that long. 5.4 gives up at once; the
   * timeout only guards against a regression hanging the build.
   */
  @Test
  @Timeout(60)
  void pathologicalSqlIsRefused() {
    assertThatThrownBy(() -> TenantContext.run(2L, () -> query("select * from campaigns where (((")))
        .isInstanceOf(UnscopableStatementException.class);
  }

  private static List<Object> query(String sql) {
    return db.sessionFactory.fromSession(s -> s.createNativeQuery(sql, Object.class).getResultList());
  }
}
