package io.citushibernate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.sf.jsqlparser.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AstWalkerTest {
  static AstWalker.Found walk(String sql) {
    try {
      return AstWalker.walk(StatementRewriter.parse(sql));
    } catch (StatementRewriter.ParseFailure e) {
      throw new AssertionError("JSqlParser cannot read " + sql, e.getCause());
    }
  }

  private static List<String> tables(String sql) {
    return walk(sql).tables().stream().map(Table::getFullyQualifiedName).toList();
  }

  private static List<String> expected(String names) {
    return names.isBlank() ? List.of() : Arrays.asList(names.trim().split(" +"));
  }

  /** JSqlParser's own visitors skip these clauses; a table in them is a table like any other. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ORDER BY | select id from ads order by (select max(id) from clicks) | ads clicks
      FILTER | select count(*) filter (where exists (select 1 from clicks)) from ads | clicks ads
      RETURNING | delete from ads where id = 1 returning (select 1 from impressions) | ads impressions
      ON CONFLICT target WHERE | insert into ads (id) values (1) on conflict (id) where exists (select 1 from campaigns) do nothing | ads campaigns
      ON CONFLICT DO UPDATE WHERE | insert into ads (id) values (1) on conflict (id) do update set name = 'x' where exists (select 1 from clicks) | ads clicks
      CTE of UPDATE | with c as (select id from campaigns) update ads set name = 'x' where campaign_id in (select id from c) | campaigns ads
      CTE of DELETE | with c as (select id from campaigns) delete from ads where campaign_id in (select id from c) | campaigns ads
      ordered aggregate | select string_agg(name, ',' order by (select max(id) from clicks)) from ads | clicks ads
      window | select sum(id) over (partition by (select 1 from clicks)) from ads | clicks ads
      named window | select sum(id) over w from ads window w as (order by (select 1 from clicks)) | ads clicks
      LIMIT | select id from ads limit (select count(*) from clicks) | ads clicks
      DISTINCT ON | select distinct on ((select 1 from clicks)) id from ads | clicks ads
      GROUPING SETS | select 1 from ads group by grouping sets ((name), ((select 1 from clicks))) | ads clicks
      VALUES | select * from (values ((select 1 from clicks))) v (x) | clicks
      LATERAL | select * from ads a, lateral (select * from clicks c where c.ad_id = a.id) x | ads clicks
      set operation ORDER BY | select id from ads union select id from campaigns order by (select 1 from clicks) | ads campaigns clicks
      MERGE | merge into ads t using campaigns s on t.id = s.id when matched and exists (select 1 from clicks) then update set name = s.name when not matched then insert (id) values (s.id) | ads campaigns clicks
      CASE | select case when exists (select 1 from clicks) then 1 else (select 2 from impressions) end from ads | clicks impressions ads
      JSON | select jsonb_build_object('n', (select max(id) from clicks)) from ads | clicks ads
      """)
  void findsTablesInEveryClause(String clause, String sql, String tables) {
    assertThat(tables(sql)).as(sql).containsExactlyElementsOf(expected(tables));
  }

  /** An unqualified name that a visible CTE has is the CTE, not a table. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a CTE is no table | with a as (select * from ads) select * from a | ads
      a non-recursive CTE does not see itself | with ads as (select * from ads) select * from ads | ads
      a recursive one does | with recursive ads as (select * from ads) select * from ads |
      a CTE sees only the CTEs before it | with x as (select * from y), y as (select * from clicks) select * from x | y clicks
      a qualified name is a table | with c as (select 1) select * from public.c | public.c
      a CTE is not visible outside its query | select * from (with c as (select 1) select * from c) d, c | c
      the target of a write is a table | with ads as (select 1) insert into ads select * from ads | ads
      names compare as PostgreSQL folds them | with "Ads" as (select * from ads) select * from "Ads", "ads" | "ads" ads
      """)
  void leavesOutCteNames(String rule, String sql, String tables) {
    assertThat(tables(sql)).as(sql).containsExactlyElementsOf(expected(tables == null ? "" : tables));
  }

  @Test
  void qualifiersAreNoReferences() {
    assertThat(tables("select ads.id, ads.* from ads where ads.id = 1 for update of ads")).containsExactly("ads");
  }

  @Test
  void findsScopesOutermostFirst() {
    List<Object> scopes = walk("with u as (update ads set name = 'x' returning id) "
        + "delete from clicks where ad_id in (select id from u)").scopes();

    assertThat(scopes).extracting(s -> s.getClass().getSimpleName())
        .containsExactly("Delete", "ParenthesedUpdate", "Update", "PlainSelect");
  }

  @Test
  void findsEveryQueryLevel() {
    assertThat(walk("select (select 1 from clicks) from ads where id in (select ad_id from impressions)").scopes())
        .hasSize(3)
        .first().hasToString("SELECT (SELECT 1 FROM clicks) FROM ads WHERE id IN (SELECT ad_id FROM impressions)");
  }

  /** Statements that cannot be scoped are refused when they name a tenant table: their tables must be found. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      TRUNCATE (JSqlParser holds the last table twice) | truncate ads, clicks | clicks ads
      CREATE TABLE ... REFERENCES | create table x (id int references campaigns (id)) | x campaigns
      CREATE TABLE AS | create table x as select * from ads | x ads
      CREATE VIEW | create view v as select * from ads | v ads
      DROP | drop table ads | ads
      ALTER | alter table ads add column x int | ads
      CREATE INDEX | create index i on ads (name) | ads
      EXPLAIN | explain select * from ads | ads
      COMMENT | comment on table ads is 'x' | ads
      """)
  void findsTablesOfOtherStatements(String statement, String sql, String tables) {
    assertThat(tables(sql)).as(sql).containsExactlyElementsOf(expected(tables));
  }
}
