package io.citushibernate.internal.sql;

import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import io.citushibernate.tenant.TenantType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scoped statement of {@link RewriteCases} on a real PostgreSQL with the ad-analytics
 * schema: proves the deparsed SQL is valid PostgreSQL, not only the expected text. Bind parameters
 * become {@code $n} of a prepared statement executed with NULLs, inside a rolled-back transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RewrittenSqlRunsOnPostgresTest {
  private static final String SCHEMA = """
      create table companies (id integer not null primary key, name text not null, image_url text not null,
        created_at timestamp not null, updated_at timestamp not null);
      create table campaigns (id integer not null, company_id integer not null, name text not null,
        cost_model text not null, state text not null, monthly_budget integer,
        blacklisted_site_urls character varying[], created_at timestamp not null,
        updated_at timestamp not null, primary key (id, company_id));
      create table ads (id integer not null, company_id integer not null, campaign_id integer not null,
        name text not null, image_url text not null, target_url text not null,
        impressions_count bigint default 0 not null, clicks_count bigint default 0 not null,
        created_at timestamp not null, updated_at timestamp not null, constraint ads_pkey primary key (id, company_id));
      create table clicks (id bigserial, company_id integer not null, ad_id integer not null,
        clicked_at timestamp, site_url text, cost_per_click_usd numeric(20,10), user_ip inet,
        user_data jsonb, primary key (id, company_id));
      create table impressions (id bigserial, company_id integer not null, ad_id integer not null,
        seen_at timestamp, site_url text, cost_per_impression_usd numeric(20,10), user_ip inet,
        user_data jsonb, primary key (id, company_id));
      create table geo_ips (addrs cidr not null primary key, latlon point not null);
      create table local_settings (k text primary key, v text);
      create table "Ads" (id integer);
      create table notes (tenant text not null, body text);
      create table x (id integer);
      insert into notes values ('acme', 'n');
      create sequence campaigns_seq;
      insert into companies values (5, 'five', '', now(), now());
      insert into campaigns values (1, 5, 'c', 'cpc', 'active', 100, null, now(), now());
      insert into ads values (1, 5, 1, 'a', '', '', 0, 0, now(), now());
      """;
  /** A JDBC placeholder: not the jsonb operators ?| ?& and ? (the last is written with a space and a literal). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\?(?![|&])(?! ')");

  private EmbeddedPostgres postgres;
  private Connection connection;

  @BeforeAll
  void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    connection = postgres.getPostgresDatabase().getConnection();
    try (Statement s = connection.createStatement()) {
      s.execute(SCHEMA);
    }
    connection.setAutoCommit(false);
  }

  @AfterAll
  void stop() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  static Stream<RewriteCases.Case> cases() {
    return RewriteCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scopedStatementRunsOnPostgres(RewriteCases.Case c) {
    execute(c.out());
  }

  @Test
  void scopedStatementsFindTheTenantsRows() throws SQLException {
    StatementRewriter rewriter = new StatementRewriter(RewriteCases.adAnalytics(), 10, true);
    String sql = "select a.name from ads a left join campaigns c on c.id = a.campaign_id where a.id in (1) or a.id = 2";

    assertThat(count(rewriter.analyse(sql).render("5"))).isEqualTo(1);
    assertThat(count(rewriter.analyse(sql).render("6"))).isZero();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"5; drop table x", "x' or '1'='1", "x'; drop table x; --",
      "\\'; drop table x; --", "\\", "a$$b", "*/ or 1=1 /*", "acme' --"})
  void anInjectionAttemptAsStringTenantIsOneHarmlessLiteral(String tenant) throws SQLException {
    StatementRewriter rewriter = new StatementRewriter(
        new TenantTables(java.util.List.of(new TenantTable(null, "notes", "tenant"))), 10, true);

    String sql = rewriter.analyse("select * from notes").render(TenantType.STRING.literal(tenant));

    assertThat(count(sql)).isZero();
    assertThat(count("select * from x")).isZero(); // still there
    assertThat(count(rewriter.analyse("select * from notes").render(TenantType.STRING.literal("acme")))).isEqualTo(1);
  }

  private int count(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); var rs = s.executeQuery(sql)) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    } finally {
      connection.rollback();
    }
  }

  private void execute(String sql) {
    if (sql.regionMatches(true, 0, "explain", 0, 7)) {
      run(sql, sql); // EXPLAIN cannot be prepared; the cases that use it have no parameters
      return;
    }
    StringBuilder prepared = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(sql);
    int parameters = 0;
    while (m.find()) {
      m.appendReplacement(prepared, "\\$" + ++parameters);
    }
    m.appendTail(prepared);
    run("prepare scoped as " + prepared + ";\nexecute scoped"
        + (parameters > 0 ? " (" + "null, ".repeat(parameters - 1) + "null)" : ""), prepared.toString());
  }

  private void run(String script, String prepared) {
    try (Statement s = connection.createStatement()) {
      s.execute(script);
    } catch (SQLException e) {
      // NULL bind values may violate NOT NULL: the statement itself was valid and ran
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        fail("PostgreSQL rejected " + prepared + ": " + e.getMessage(), e);
      }
    } finally {
      try (Statement s = connection.createStatement()) {
        connection.rollback();
        s.execute("deallocate all"); // prepared statements outlive the transaction
      } catch (SQLException e) {
        fail("cleanup failed", e);
      }
    }
  }
}
