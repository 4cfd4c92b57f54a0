package io.citushibernate.testkit.routing;

import java.util.List;
import java.util.Map;

/**
 * Statements on the ad-analytics schema with what Citus' router planner does with them, from
 * its rules: equality on the distribution column routes to one shard, so do joins on it to a
 * pinned table; IN lists, ANY arrays and ORs of several tenants, unpinned tables and unpinned
 * subqueries make multi-task plans, which {@code citus.multi_task_query_log_level = 'error'}
 * rejects. Two-tenant rows assume tenants 1 and 2 hash to different shards; the Citus run checks
 * that. Local-table joins are flagged by the analyzer although Citus runs a pinned one (it pulls
 * the local table to the coordinator), hence {@code citusRejects = false} there.
 *
 * <p>Every {@code citusRejects} value was checked against Citus 13.2 on PostgreSQL 15
 * ({@link RoutingTableOnDatabaseTest} on a local cluster). Rows made with {@code stricter(...)}
 * are statements that span several tenants and that the analyzer refuses although Citus runs
 * them: Citus checks {@code citus.multi_task_query_log_level} per (sub)plan, and each of these
 * is one or more single-shard (sub)plans; the reason is recorded with the row.
 *
 * @see Row#citusDiffers
 */
final class RoutingTable {
  /**
   * One statement.
   *
   * @param citusDiffers why Citus runs a statement the analyzer refuses; {@code null} when they agree
   */
  record Row(String sql, Map<Integer, Object> parameters, Verdict.Kind verdict, boolean citusRejects,
      String citusDiffers) {
    Row(String sql, Map<Integer, Object> parameters, Verdict.Kind verdict, boolean citusRejects) {
      this(sql, parameters, verdict, citusRejects, null);
    }
  }

  static final Catalog CATALOG = new Catalog(
      Map.of("companies", "id", "campaigns", "company_id", "ads", "company_id", "clicks", "company_id",
          "impressions", "company_id"),
      java.util.Set.of("geo_ips"), java.util.Set.of("audit_notes"));

  private static final String CAMPAIGN_COLUMNS = "(company_id, id, name, cost_model, state, monthly_budget, "
      + "created_at, updated_at)";
  private static final String CLICK_COLUMNS = "(company_id, id, ad_id, clicked_at, site_url, cost_per_click_usd, "
      + "user_ip, user_data)";
  private static final String CLICK_SELECT = "id + 1000, ad_id, clicked_at, site_url, cost_per_click_usd, user_ip, "
      + "user_data FROM clicks";

  static final List<Row> ROWS = List.of(
      router("SELECT * FROM companies WHERE id = 1"),
      multi("SELECT * FROM companies"),
      router("SELECT * FROM campaigns WHERE company_id = 1 AND state = 'running'"),
      multi("SELECT * FROM campaigns WHERE id = 5"),
      router("SELECT * FROM campaigns WHERE company_id IN (1)"),
      multi("SELECT * FROM campaigns WHERE company_id IN (1, 2)"),
      multi("SELECT * FROM campaigns WHERE company_id = 1 OR company_id = 2"),
      multi("SELECT * FROM campaigns WHERE company_id = 1 OR state = 'running'"),
      router("SELECT * FROM campaigns WHERE (company_id = 1 AND state = 'running') OR (company_id = 1 AND state = 'paused')"),
      router("SELECT * FROM ads WHERE company_id = ANY(ARRAY[1])"),
      multi("SELECT * FROM ads WHERE company_id = ANY(ARRAY[1, 2])"),
      router("SELECT c.name, count(*) FROM campaigns c JOIN ads a ON a.campaign_id = c.id AND a.company_id = c.company_id "
          + "WHERE c.company_id = 1 GROUP BY c.name"),
      multi("SELECT c.name, a.name FROM campaigns c JOIN ads a ON a.campaign_id = c.id WHERE c.company_id = 1"),
      router("SELECT c.name, a.name FROM campaigns c JOIN ads a ON a.campaign_id = c.id "
          + "WHERE c.company_id = 1 AND a.company_id = 1"),
      multi("SELECT c.name, a.name FROM campaigns c JOIN ads a ON a.campaign_id = c.id AND a.company_id = c.company_id"),
      router("SELECT k.id FROM ads a JOIN campaigns c ON c.company_id = a.company_id AND c.id = a.campaign_id "
          + "JOIN clicks k ON k.company_id = c.company_id AND k.ad_id = a.id WHERE a.company_id = 1"),
      router("SELECT k.id, g.latlon FROM clicks k JOIN ads a ON a.id = k.ad_id AND a.company_id = k.company_id "
          + "JOIN geo_ips g ON g.addrs = k.user_ip WHERE k.company_id = 1"),
      row("SELECT * FROM geo_ips", Verdict.Kind.NO_DISTRIBUTED_TABLE, false),
      multi("SELECT k.id FROM clicks k JOIN geo_ips g ON g.addrs = k.user_ip"),
      router("SELECT * FROM campaigns c WHERE c.company_id = 1 AND c.id IN "
          + "(SELECT a.campaign_id FROM ads a WHERE a.company_id = 1)"),
      multi("SELECT * FROM campaigns c WHERE c.company_id = 1 AND c.id IN (SELECT a.campaign_id FROM ads a)"),
      router("SELECT * FROM campaigns c WHERE c.company_id = 1 AND EXISTS "
          + "(SELECT 1 FROM ads a WHERE a.campaign_id = c.id AND a.company_id = c.company_id)"),
      router("WITH x AS (SELECT * FROM ads WHERE company_id = 1) SELECT c.name, x.name FROM x "
          + "JOIN campaigns c ON c.id = x.campaign_id WHERE c.company_id = 1"),
      router("WITH x AS (SELECT * FROM ads) SELECT * FROM x WHERE x.company_id = 1"),
      router("SELECT * FROM (SELECT company_id, count(*) AS n FROM clicks GROUP BY company_id) x WHERE x.company_id = 1"),
      multi("SELECT company_id, count(*) FROM clicks GROUP BY company_id"),
      router("SELECT id FROM campaigns WHERE company_id = 1 UNION SELECT campaign_id FROM ads WHERE company_id = 1"),
      router("SELECT c.name, a.name FROM campaigns c LEFT JOIN ads a ON a.campaign_id = c.id "
          + "AND a.company_id = c.company_id WHERE c.company_id = 1"),
      multi("SELECT c.name, a.name FROM campaigns c LEFT JOIN ads a ON a.campaign_id = c.id AND a.company_id = 1"),
      router("SELECT count(*) FROM clicks WHERE company_id = 1 AND user_data->>'is_mobile' = 'true'"),
      new Row("SELECT * FROM campaigns WHERE company_id = ?", Map.of(1, 1L), Verdict.Kind.SINGLE_SHARD, false),
      new Row("SELECT * FROM campaigns WHERE company_id = ? OR company_id = ?", Map.of(1, 1L, 2, 2L),
          Verdict.Kind.MULTI_SHARD, true),
      new Row("select c1_0.id,c1_0.name from campaigns c1_0 where c1_0.company_id=? and c1_0.id=?",
          Map.of(1, 1L, 2, 5L), Verdict.Kind.SINGLE_SHARD, false),
      router("INSERT INTO campaigns " + CAMPAIGN_COLUMNS + " VALUES (1, 100, 'x', 'cpc', 'running', 1, now(), now())"),
      router("INSERT INTO campaigns " + CAMPAIGN_COLUMNS + " VALUES (1, 101, 'x', 'cpc', 'running', 1, now(), now()), "
          + "(1, 102, 'y', 'cpc', 'paused', 1, now(), now())"),
      stricter("INSERT INTO campaigns " + CAMPAIGN_COLUMNS + " VALUES (1, 103, 'x', 'cpc', 'running', 1, now(), now()), "
          + "(2, 104, 'y', 'cpc', 'paused', 1, now(), now())",
          "Citus plans every INSERT ... VALUES with deferred pruning: it routes the rows when it executes, "
          + "after the planner's multi-task check, so a multi-row INSERT writes both shards unrefused"),
      multi("INSERT INTO campaigns (id, name, cost_model, state, created_at, updated_at) "
          + "VALUES (105, 'x', 'cpc', 'running', now(), now())"),
      router("INSERT INTO clicks " + CLICK_COLUMNS + " SELECT company_id, " + CLICK_SELECT + " WHERE company_id = 1"),
      multi("INSERT INTO clicks " + CLICK_COLUMNS + " SELECT company_id, " + CLICK_SELECT),
      router("UPDATE campaigns SET state = 'paused' WHERE company_id = 1 AND id = 5"),
      multi("UPDATE campaigns SET state = 'paused' WHERE id = 5"),
      router("UPDATE ads SET clicks_count = clicks_count + 1 WHERE company_id = 1 AND id IN "
          + "(SELECT ad_id FROM clicks WHERE company_id = 1)"),
      router("DELETE FROM clicks WHERE company_id = 1 AND ad_id = 3"),
      multi("DELETE FROM clicks WHERE ad_id = 3"),
      router("DELETE FROM clicks k USING ads a WHERE k.ad_id = a.id AND k.company_id = a.company_id AND a.company_id = 1"),
      row("SELECT * FROM audit_notes", Verdict.Kind.NO_DISTRIBUTED_TABLE, false),
      row("SELECT c.name FROM campaigns c JOIN audit_notes n ON n.id = c.id WHERE c.company_id = 1",
          Verdict.Kind.LOCAL_TABLE_MIX, false),
      multi("SELECT c.name FROM campaigns c JOIN audit_notes n ON n.id = c.id"),
      // Found running the table on Citus: the analyzer now follows PostgreSQL's pull-up rules.
      router("SELECT * FROM campaigns WHERE (company_id, id) = (1, 5)"),
      router("SELECT * FROM campaigns WHERE (company_id, id) IN ((1, 5), (1, 6))"),
      multi("SELECT * FROM campaigns WHERE (company_id, id) IN ((1, 5), (2, 6))"),
      router("SELECT * FROM ads WHERE company_id = ANY('{1}'::bigint[])"),
      router("SELECT c.name, a.name FROM campaigns c LEFT JOIN ads a ON a.company_id = c.company_id "
          + "AND a.campaign_id = c.id WHERE a.company_id = 1"),
      router("SELECT c.name, a.name FROM campaigns c JOIN ads a USING (company_id) WHERE company_id = 1"),
      router("SELECT * FROM (SELECT company_id, id FROM ads UNION ALL SELECT company_id, id FROM clicks) x "
          + "WHERE x.company_id = 1"),
      router("SELECT * FROM (SELECT * FROM ads WHERE company_id = 1) x JOIN campaigns c "
          + "ON c.company_id = x.company_id AND c.id = x.campaign_id"),
      multi("SELECT * FROM (SELECT company_id, count(*) AS n FROM ads WHERE company_id = 1 GROUP BY company_id) x "
          + "JOIN campaigns c ON c.company_id = x.company_id"),
      multi("SELECT * FROM (SELECT * FROM ads LIMIT 10) x WHERE x.company_id = 1"),
      multi("SELECT * FROM (SELECT company_id, row_number() OVER () AS n FROM ads) x WHERE x.company_id = 1"),
      router("SELECT * FROM (SELECT company_id, row_number() OVER (PARTITION BY company_id) AS n FROM ads) x "
          + "WHERE x.company_id = 1"),
      multi("WITH x AS MATERIALIZED (SELECT * FROM ads) SELECT * FROM x WHERE x.company_id = 1"),
      multi("WITH x AS (SELECT * FROM ads) SELECT a1.id FROM x a1 JOIN x a2 ON a2.id = a1.id "
          + "WHERE a1.company_id = 1 AND a2.company_id = 1"),
      router("WITH d AS (DELETE FROM clicks WHERE company_id = 1 RETURNING ad_id) SELECT count(*) FROM d"),
      multi("SELECT c.id, (SELECT count(*) FROM ads a WHERE a.campaign_id = c.id AND a.company_id = c.company_id) "
          + "FROM campaigns c WHERE c.company_id = 1"),
      router("SELECT c.id, (SELECT count(*) FROM ads a WHERE a.campaign_id = c.id AND a.company_id = 1) "
          + "FROM campaigns c WHERE c.company_id = 1"),
      multi("SELECT x.n FROM campaigns c, LATERAL (SELECT count(*) AS n FROM ads a WHERE a.campaign_id = c.id "
          + "AND a.company_id = c.company_id) x WHERE c.company_id = 1"),
      multi("SELECT * FROM campaigns c WHERE c.company_id = 1 AND c.id IN "
          + "(SELECT a.campaign_id FROM ads a WHERE a.company_id = c.company_id)"),
      router("SELECT * FROM campaigns c WHERE c.company_id = 1 AND NOT EXISTS "
          + "(SELECT 1 FROM ads a WHERE a.campaign_id = c.id AND a.company_id = c.company_id)"),
      multi("SELECT * FROM campaigns c WHERE c.company_id = 1 AND (c.state = 'x' OR EXISTS "
          + "(SELECT 1 FROM ads a WHERE a.campaign_id = c.id AND a.company_id = c.company_id))"),
      multi("UPDATE campaigns c SET monthly_budget = (SELECT count(*) FROM ads a WHERE a.campaign_id = c.id "
          + "AND a.company_id = c.company_id) WHERE c.company_id = 1"),
      router("UPDATE campaigns SET company_id = 1, state = 'paused' WHERE company_id = 1 AND id = 5"),
      multi("UPDATE campaigns SET company_id = 2 WHERE company_id = 1 AND id = 999"),
      multi("DELETE FROM geo_ips WHERE addrs IN (SELECT user_ip FROM clicks WHERE company_id = 1)"),
      router("INSERT INTO companies (id, name) VALUES (1000 + 1, 'x')"),
      stricter("SELECT id FROM campaigns WHERE company_id = 1 UNION ALL SELECT id FROM campaigns WHERE company_id = 2",
          "Citus plans each branch of the set operation as its own single-shard subplan"),
      stricter("SELECT * FROM campaigns c WHERE c.company_id = 1 AND c.id IN "
          + "(SELECT a.campaign_id FROM ads a WHERE a.company_id = 2)",
          "Citus plans the subquery, pinned to another tenant, as its own single-shard subplan"),
      stricter("INSERT INTO campaigns (company_id, id, name, cost_model, state, created_at, updated_at) "
          + "SELECT 2, id + 1000, name, cost_model, state, created_at, updated_at FROM campaigns WHERE company_id = 1",
          "Citus runs the SELECT on tenant 1's shard and sends its rows through the coordinator to tenant 2's"),
      stricter("SELECT * FROM campaigns WHERE company_id = 1 + 0",
          "PostgreSQL folds 1 + 0 before Citus prunes; the analyzer does not evaluate expressions"));

  private RoutingTable() {
  }

  private static Row router(String sql) {
    return new Row(sql, Map.of(), Verdict.Kind.SINGLE_SHARD, false);
  }

  private static Row multi(String sql) {
    return new Row(sql, Map.of(), Verdict.Kind.MULTI_SHARD, true);
  }

  private static Row row(String sql, Verdict.Kind kind, boolean rejects) {
    return new Row(sql, Map.of(), kind, rejects);
  }

  /** A statement that spans tenants, which the analyzer refuses and Citus runs, for the reason given. */
  private static Row stricter(String sql, String why) {
    return new Row(sql, Map.of(), Verdict.Kind.MULTI_SHARD, false, why);
  }
}
