package io.citushibernate.examples.adanalytics;

import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.SqlRecorder;
import io.citushibernate.examples.support.SqlRecorder.Traced;
import io.citushibernate.examples.support.TextTable;
import io.citushibernate.tenancy.CitusTenants;
import io.citushibernate.tenant.TenantContext;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;

/**
 * The queries and modifications of the Citus multi-tenant tutorial and use-case page, written the
 * way an application writes them: without any {@code company_id = ...}. They run inside
 * {@code TenantContext.run(tenant, ...)}, and citus-hibernate adds the tenant predicate to every
 * statement, which is what lets Citus route each one to the single shard holding the tenant.
 */
public final class TutorialWalkthrough {
  private final SessionFactory sessions;
  private final SqlRecorder recorder;
  private final Report report;

  public TutorialWalkthrough(SessionFactory sessions, SqlRecorder recorder, Report report) {
    this.sessions = sessions;
    this.recorder = recorder;
    this.report = report;
  }

  public void run(long tenant) {
    report.section("Queries as company " + tenant + ": TenantContext.run(" + tenant + "L, ...)");
    report.line("Each result is followed by the SQL the database received, after citus-hibernate's rewrite");
    report.line("(? are bind parameters). The queries themselves never mention company_id.");
    countCompanies(tenant);
    tenantQueries(tenant);
  }

  /**
   * The same queries with a schema per company ({@code citus.hibernate.tenancy=schema}): each statement is sent as
   * written, with {@code search_path} set to the tenant's schema, then the shared one. The count across companies
   * runs the query once in each of {@code companies}' schemas (CitusTenants.forEach), since there is no single
   * schema holding them all.
   */
  public void runSchemaPerTenant(long tenant, List<Long> companies) {
    report.section("Queries as company " + tenant + " in schema per tenant: TenantContext.run(" + tenant + "L, ...)");
    report.line("Each result is followed by the SQL the database received: as Hibernate wrote it, after a SET of");
    report.line("search_path to the company's schema, then the shared one (SET LOCAL in a transaction; outside one,");
    report.line("put back when the connection goes back to the pool). No company_id predicate is added.");
    String hql = "select count(c) from Company c";
    step("1. Count of companies", "SELECT count(*) FROM companies;");
    Traced<Long> own = recorder.record(() -> TenantContext.get(tenant, () ->
        sessions.fromSession(s -> s.createQuery(hql, Long.class).getSingleResult())));
    long[] all = new long[1];
    Traced<Long> each = recorder.record(() -> {
      CitusTenants.forEach(companies, company ->
          all[0] += sessions.fromSession(s -> s.createQuery(hql, Long.class).getSingleResult()));
      return all[0];
    });
    report.table(new TextTable("scope", "count")
        .row("TenantContext.run(" + tenant + "L, ...)", own.result())
        .row("CitusTenants.forEach(companies, ...)", each.result()));
    report.sql(own.sql());
    tenantQueries(tenant);
  }

  private void tenantQueries(long tenant) {
    TenantContext.run(tenant, () -> {
      topCampaigns();
      runningCampaigns();
      long campaign = firstCampaign();
      doubleBudget(campaign);
      deleteCampaign(campaign);
      clicksByDevice();
      clicksWithMobileKey();
      clicksByNetwork();
    });
  }

  /** SELECT count(*) FROM companies: one as the tenant sees it, and the operator's cross-tenant view. */
  private void countCompanies(long tenant) {
    String hql = "select count(c) from Company c";
    step("1. Count of companies", "SELECT count(*) FROM companies;");
    Traced<Long> own = recorder.record(() -> TenantContext.get(tenant, () ->
        sessions.fromSession(s -> s.createQuery(hql, Long.class).getSingleResult())));
    // Explicitly cross-tenant, with a reason: citus-hibernate refuses tenant tables without a tenant otherwise.
    Traced<Long> all = recorder.record(() -> TenantContext.getCrossTenant("report: all companies", () ->
        sessions.fromSession(s -> s.createQuery(hql, Long.class).getSingleResult())));
    report.table(new TextTable("scope", "count")
        .row("TenantContext.run(" + tenant + "L, ...)", own.result())
        .row("TenantContext.runCrossTenant(...)", all.result()));
    report.sql(List.of(own.sql().get(0), all.sql().get(0)));
  }

  private void topCampaigns() {
    step("2. Top 10 campaigns by monthly budget",
        "SELECT name, cost_model, state, monthly_budget FROM campaigns ORDER BY monthly_budget DESC LIMIT 10;");
    show(() -> sessions.fromSession(s -> s.createQuery(
        "select c.id, c.name, c.costModel, c.state, c.monthlyBudget from Campaign c "
            + "order by c.monthlyBudget desc, c.id", Object[].class).setMaxResults(10).getResultList()),
        "id", "name", "cost_model", "state", "monthly_budget");
  }

  /** The tutorial joins ads and campaigns on company_id only; the intended join is on the campaign. */
  private void runningCampaigns() {
    step("3. Running campaigns with the most impressions and clicks",
        "SELECT campaigns.id, campaigns.name, campaigns.monthly_budget, sum(impressions_count), sum(clicks_count) "
            + "FROM ads JOIN campaigns ... WHERE campaigns.state = 'running' GROUP BY ... ORDER BY ...;");
    show(() -> sessions.fromSession(s -> s.createQuery(
        "select c.id, c.name, c.monthlyBudget, sum(a.impressionsCount), sum(a.clicksCount) "
            + "from Ad a join a.campaign c where c.state = 'running' "
            + "group by c.id, c.name, c.monthlyBudget "
            + "order by sum(a.impressionsCount) desc, sum(a.clicksCount) desc, c.id", Object[].class)
        .setMaxResults(10).getResultList()),
        "id", "name", "monthly_budget", "total_impressions", "total_clicks");
  }

  /** The tutorial's "id = 1": the tenant's first campaign. */
  private long firstCampaign() {
    return sessions.fromSession(s -> s.createQuery("select min(c.id) from Campaign c", Long.class).getSingleResult());
  }

  private void doubleBudget(long campaign) {
    step("4. Double a campaign's budget",
        "UPDATE campaigns SET monthly_budget = monthly_budget*2 WHERE id = " + campaign + ";");
    Integer before = budget(campaign);
    Traced<Integer> update = recorder.record(() -> sessions.fromTransaction(s -> s.createMutationQuery(
        "update Campaign c set c.monthlyBudget = c.monthlyBudget * 2 where c.id = :id")
        .setParameter("id", campaign).executeUpdate()));
    report.table(new TextTable("campaign", "rows updated", "budget before", "budget after")
        .row(campaign, update.result(), before, budget(campaign)));
    report.sql(update.sql());
  }

  private Integer budget(long campaign) {
    return sessions.fromSession(s -> s.createQuery("select c.monthlyBudget from Campaign c where c.id = :id",
        Integer.class).setParameter("id", campaign).getSingleResult());
  }

  /** One transaction; the use-case schema's foreign keys make the ads' clicks and impressions go first. */
  private void deleteCampaign(long campaign) {
    step("5. Delete a campaign and its ads in one transaction",
        "BEGIN; DELETE FROM campaigns WHERE id = " + campaign + "; DELETE FROM ads WHERE campaign_id = "
            + campaign + "; COMMIT;");
    Traced<int[]> deleted = recorder.record(() -> sessions.fromTransaction(s -> new int[] {
        s.createMutationQuery("delete from Click k where k.ad.campaign.id = :id").setParameter("id", campaign)
            .executeUpdate(),
        s.createMutationQuery("delete from Impression i where i.ad.campaign.id = :id").setParameter("id", campaign)
            .executeUpdate(),
        s.createMutationQuery("delete from Ad a where a.campaign.id = :id").setParameter("id", campaign)
            .executeUpdate(),
        s.createMutationQuery("delete from Campaign c where c.id = :id").setParameter("id", campaign)
            .executeUpdate()}));
    int[] n = deleted.result();
    report.table(new TextTable("table", "rows deleted")
        .row("clicks", n[0]).row("impressions", n[1]).row("ads", n[2]).row("campaigns", n[3]));
    report.sql(deleted.sql());
  }

  /** JSONB: native SQL goes through the same rewrite as HQL. */
  private void clicksByDevice() {
    step("6. Clicks by user_data->>'is_mobile' (JSONB; partial index click_user_data_is_mobile for company 5)",
        "SELECT user_data->>'is_mobile' AS is_mobile, count(*) AS count FROM clicks "
            + "GROUP BY user_data->>'is_mobile' ORDER BY count DESC;");
    show(() -> sessions.fromSession(s -> s.createNativeQuery(
        "select user_data->>'is_mobile' as is_mobile, count(*) as count from clicks "
            + "group by user_data->>'is_mobile' order by count desc, is_mobile", Object[].class).getResultList()),
        "is_mobile", "count");
  }

  /**
   * The use-case page asks with {@code user_data ? 'is_mobile'}; a bare {@code ?} is a JDBC
   * parameter, so this uses containment ({@code @>}), which the GIN index serves as well.
   */
  private void clicksWithMobileKey() {
    step("7. Clicks from mobile users via the GIN index on user_data",
        "SELECT count(*) FROM clicks WHERE user_data @> '{\"is_mobile\": true}';");
    show(() -> sessions.fromSession(s -> s.createNativeQuery(
        "select count(*) as mobile_clicks from clicks where user_data @> cast('{\"is_mobile\": true}' as jsonb)",
        Object[].class).getResultList()),
        "mobile_clicks");
  }

  /** geo_ips is a reference table: joined freely, never given a tenant predicate. */
  private void clicksByNetwork() {
    step("8. Clicks per network: join with the geo_ips reference table",
        "SELECT addrs, latlon, count(*) FROM clicks c JOIN geo_ips ON addrs >> c.user_ip GROUP BY addrs;");
    show(() -> sessions.fromSession(s -> s.createNativeQuery(
        "select cast(g.addrs as text) as network, cast(g.latlon as text) as latlon, count(*) as clicks "
            + "from clicks c join geo_ips g on g.addrs >> c.user_ip "
            + "group by g.addrs order by clicks desc, network", Object[].class).getResultList()),
        "network", "latlon", "clicks");
  }

  private void step(String title, String tutorialSql) {
    report.line("");
    report.line("-- " + title);
    report.line("   tutorial: " + tutorialSql);
  }

  private void show(Supplier<List<Object[]>> query, String... headers) {
    Traced<List<Object[]>> traced = recorder.record(query);
    report.table(new TextTable(headers).rows(traced.result()));
    report.sql(traced.sql());
  }
}
