package io.citushibernate.examples.adanalytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.examples.support.Orm;
import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.SqlRecorder;
import io.citushibernate.fixtures.adanalytics.Ad;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsData;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsModel;
import io.citushibernate.fixtures.adanalytics.Campaign;
import io.citushibernate.fixtures.adanalytics.Click;
import io.citushibernate.fixtures.adanalytics.Company;
import io.citushibernate.fixtures.adanalytics.GeoIp;
import io.citushibernate.fixtures.adanalytics.Impression;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.CitusTestDatabase;
import io.citushibernate.testkit.RoutingCheck;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the example's steps on the test's schema, with the testkit's single-shard routing check on, and compares what
 * it printed with plain SQL (explicit {@code company_id = 5}) on an identical copy of the data that the example did
 * not touch. On Citus the tables are distributed and the largest tenant isolated; on plain PostgreSQL those steps are
 * skipped with the reason.
 *
 * <p>The entities tell the routing check which tables are distributed; Liquibase, not hbm2ddl, creates the tables.
 */
@CitusTest(entities = {Company.class, Campaign.class, Ad.class, Click.class, Impression.class, GeoIp.class},
    properties = "hibernate.hbm2ddl.auto=none", cleanup = false)
class AdAnalyticsAppTest {
  private static final int TENANTS = 8;
  private static final int ROWS_PER_TENANT = 400;
  private static final String[] SIZES = {"--tenants", Integer.toString(TENANTS), "--rows-per-tenant",
      Integer.toString(ROWS_PER_TENANT)};
  private static final long TENANT = 5;

  static CitusDatabase db;
  static CitusTestDatabase referenceCopy;
  static String output;

  @BeforeAll
  static void runExampleAndLoadReference(CitusDatabase database) {
    db = database;
    output = runSteps(db.dataSource(), db.isCitus());
    // the reference copy: same schema and data, nothing run against it. It is the test's oracle, queried across
    // tenants, so it has no routing check.
    referenceCopy = CitusTestDatabase.create().routingCheck(false).open();
    Report quiet = new Report(new PrintStream(OutputStream.nullOutputStream()));
    AdAnalyticsApp.migrate(referenceCopy.dataSource(), quiet);
    new BulkLoader(referenceCopy.dataSource(), quiet).load(AdAnalyticsData.realistic(TENANTS, ROWS_PER_TENANT));
  }

  @AfterAll
  static void dropReference() {
    if (referenceCopy != null) {
      referenceCopy.close();
    }
  }

  /** What {@link AdAnalyticsApp#run(Options, Report)} does once connected, each step with its routing check. */
  static String runSteps(DataSource dataSource, boolean citus) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Report report = new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    // a migration: DDL, Liquibase's bookkeeping, distributing every tenant's tables
    RoutingCheck.allowMultiShard(() -> AdAnalyticsApp.migrate(dataSource, report));
    // a bulk load of every tenant at once: TRUNCATE, COPY and ANALYZE of whole tables
    RoutingCheck.allowMultiShard(() -> new BulkLoader(dataSource, report).load(
        AdAnalyticsData.realistic(TENANTS, ROWS_PER_TENANT)));
    // the tutorial's queries: every statement pinned to the tenant, but for the walk-through's own runCrossTenant
    SqlRecorder recorder = new SqlRecorder(dataSource);
    try (SessionFactory sessions = Orm.sessionFactory(recorder, AdAnalyticsModel.ENTITIES)) {
      new TutorialWalkthrough(sessions, recorder, report).run(TENANT);
    }
    // operator work across tenants: find the largest one, give it a shard of its own, read citus_stat_tenants
    RoutingCheck.allowMultiShard(() -> new TenantIsolation(dataSource, report).run(citus));
    report.line("");
    report.line("Done.");
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void appliesTheChangelogAndSkipsTheCitusChangesOnPlainPostgres() {
    assertThat(output).contains("ran changeset 1-companies-campaigns-ads", "ran changeset 4-user-data-indexes");
    if (db.isCitus()) {
      assertThat(output).contains("ran changeset 3-distribute-clicks", "ran changeset 3-reference-geo-ips")
          .doesNotContain("citus-liquibase: skipped");
      assertThat(actual("select logicalrelid::regclass::text || ' ' || partmethod::text from pg_dist_partition"
          + " where logicalrelid::regclass::text in ('companies', 'campaigns', 'ads', 'clicks', 'impressions', 'geo_ips')"
          + " order by 1")).containsExactly("ads h", "campaigns h", "clicks h", "companies h", "geo_ips n",
              "impressions h");
    } else {
      assertThat(output).contains(
          "citus-liquibase: skipped createDistributedTable in changeset db/changelog.xml::3-distribute-clicks",
          "citus-liquibase: skipped createReferenceTable");
    }
  }

  @Test
  void createsTheTutorialsCompositeKeysAndIndexes() {
    assertThat(actual("select pg_get_constraintdef(oid) from pg_constraint where conname = 'ads_pkey'"
        + " and connamespace = current_schema()::regnamespace")).containsExactly("PRIMARY KEY (company_id, id)");
    assertThat(actual("select indexdef from pg_indexes where schemaname = current_schema()"
        + " and indexname like 'click_user_data%' order by 1"))
        .containsExactly("CREATE INDEX click_user_data ON " + db.schema() + ".clicks USING gin (user_data)",
            "CREATE INDEX click_user_data_is_mobile ON " + db.schema() + ".clicks USING btree"
                + " (((user_data ->> 'is_mobile'::text))) WHERE (company_id = 5)");
  }

  @Test
  void loadsConsistentDataWithCopy() {
    assertThat(reference("select count(*) from companies")).containsExactly("8");
    assertThat(reference("select (select sum(clicks_count) from ads) = (select count(*) from clicks)"))
        .containsExactly("t");
    assertThat(output).containsPattern("clicks +[0-9,]+ rows");
  }

  @Test
  void countsOneCompanyAsTheTenantAndAllAcrossTenants() {
    assertThat(output).containsPattern("TenantContext.run\\(5L, \\.\\.\\.\\) +\\| +1\n")
        .containsPattern("TenantContext.runCrossTenant\\(\\.\\.\\.\\) +\\| +8\n");
  }

  @Test
  void printsTheTenantsTopTenCampaigns() {
    List<String> expected = reference("select id || ' | ' || name from campaigns where company_id = 5 "
        + "order by monthly_budget desc, id limit 10");
    assertThat(expected).hasSize(10);
    List<String> printed = tableRows(section("-- 2.")).stream()
        .map(r -> r.split("\\|")[0].strip() + " | " + r.split("\\|")[1].strip()).toList();
    assertThat(printed).isEqualTo(expected);
  }

  @Test
  void printsRunningCampaignsWithSummedCounts() {
    List<String> expected = reference("""
        select c.id || ' ' || sum(a.impressions_count) || ' ' || sum(a.clicks_count)
          from ads a join campaigns c on c.company_id = a.company_id and c.id = a.campaign_id
         where c.company_id = 5 and c.state = 'running'
         group by c.id order by sum(a.impressions_count) desc, sum(a.clicks_count) desc, c.id limit 10""");
    List<String> printed = tableRows(section("-- 3.")).stream().map(r -> {
      String[] cells = r.split("\\|");
      return cells[0].strip() + " " + cells[3].strip() + " " + cells[4].strip();
    }).toList();
    assertThat(printed).isNotEmpty().isEqualTo(expected);
  }

  @Test
  void doublesTheBudgetThenDeletesTheCampaignWithItsAds() {
    String first = reference("select min(id) from campaigns where company_id = 5").get(0);
    String budget = reference("select monthly_budget from campaigns where id = " + first).get(0);
    assertThat(section("-- 4.")).containsPattern(" " + first + " \\| +1 \\| +" + budget + " \\| +"
        + 2 * Long.parseLong(budget) + "\n");
    String ads = reference("select count(*) from ads where company_id = 5 and campaign_id = " + first).get(0);
    assertThat(section("-- 5.")).containsPattern("ads +\\| +" + ads + "\n").containsPattern("campaigns +\\| +1\n");
    assertThat(actual("select count(*) from campaigns where id = " + first)).containsExactly("0");
    assertThat(actual("select count(*) from ads where campaign_id = " + first)).containsExactly("0");
    // nobody else's data changed
    assertThat(actual("select count(*) from ads where company_id <> 5"))
        .isEqualTo(reference("select count(*) from ads where company_id <> 5"));
  }

  @Test
  void jsonbQueriesCountTheTenantsClicks() {
    // the example deleted one campaign's clicks before these steps
    String first = reference("select min(id) from campaigns where company_id = 5").get(0);
    String left = "company_id = 5 and ad_id not in (select id from ads where campaign_id = " + first + ")";
    List<String> expected = reference("select is_mobile || ' ' || n from (select user_data->>'is_mobile' "
        + "as is_mobile, count(*) as n from clicks where " + left + " group by 1) x order by n desc, is_mobile");
    List<String> printed = tableRows(section("-- 6.")).stream()
        .map(r -> r.split("\\|")[0].strip() + " " + r.split("\\|")[1].strip()).toList();
    assertThat(printed).isEqualTo(expected);
    String mobile = reference("select count(*) from clicks where " + left
        + " and user_data @> '{\"is_mobile\": true}'").get(0);
    assertThat(tableRows(section("-- 7."))).singleElement().asString().isEqualToIgnoringWhitespace(mobile);
    assertThat(tableRows(section("-- 8."))).isNotEmpty().allSatisfy(r -> assertThat(r).contains("10."));
  }

  @Test
  void everyStatementShownCarriesTheTenantPredicate() {
    String queries = output.substring(output.indexOf("-- 2."), output.indexOf("== Big tenants"));
    List<String> sql = queries.lines().filter(l -> l.startsWith("SQL> ")).toList();
    assertThat(sql).hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(s -> assertThat(s).containsPattern("company_id = " + TENANT + "\\b"));
    assertThat(section("-- 1.")).contains("WHERE c1_0.id = 5");
    assertThat(section("-- 8.")).contains("WHERE c.company_id = 5").doesNotContain("g.company_id");
  }

  @Test
  void reportsTheLargestTenantAndSkipsTheCitusOnlySteps() {
    String largest = reference("select company_id from (select company_id from clicks union all "
        + "select company_id from impressions) e group by 1 order by count(*) desc, 1 limit 1").get(0);
    assertThat(output).contains("Largest tenant: company " + largest + " ");
    if (db.isCitus()) {
      // the largest tenant now sits alone in its shard: the shard's hash range is that single value
      assertThat(output).contains("Isolated company " + largest + " to new shard ",
          "citus_stat_tenants (the busiest tenants of this period):");
      assertThat(actual("select shardminvalue::bigint = shardmaxvalue::bigint from pg_dist_shard"
          + " where shardid = get_shard_id_for_distribution_column('companies', " + largest + ")"))
          .containsExactly("t");
    } else {
      assertThat(output).contains(
          "Skipped isolate_tenant_to_new_shard and citus_stat_tenants: this database has no citus extension");
    }
  }

  @Test
  void runsAgainOnTheSameDatabase() throws Exception {
    try (CitusTestDatabase rerun = CitusTestDatabase.create().open()) {
      String[] args = args(commandLine(rerun, "--tenant", "2"));
      run(args);
      String again = run(args);
      assertThat(again).contains("Up to date", "TRUNCATE", "Queries as company 2", "Done.");
    }
  }

  /**
   * The example's command line for {@code database}'s schema, as a user runs it: the server's URL with
   * {@code currentSchema}, and the user (the testkit's URL may leave it to the connection properties).
   */
  static String[] commandLine(CitusDatabase database, String... extra) throws SQLException {
    String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema="
        + database.schema();
    List<String> args = new ArrayList<>(List.of("--jdbc-url", url));
    try (Connection c = database.dataSource().getConnection()) {
      args.addAll(List.of("--user", c.getMetaData().getUserName()));
    }
    String password = System.getProperty("citus.test.password", System.getenv("CITUS_TEST_PASSWORD"));
    if (password != null && !password.isBlank()) {
      args.addAll(List.of("--password", password));
    }
    args.addAll(Arrays.asList(extra));
    return args.toArray(String[]::new);
  }

  private static String[] args(String... extra) {
    List<String> all = new ArrayList<>(Arrays.asList(SIZES));
    all.addAll(Arrays.asList(extra));
    return all.toArray(String[]::new);
  }

  static String run(String[] args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = AdAnalyticsApp.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(status).as(text).isZero();
    return text;
  }

  /** The output of one walk-through step, from its "-- n." heading to the next heading. */
  private static String section(String heading) {
    return section(output, heading);
  }

  /** The part of {@code output} of one walk-through step, from its "-- n." heading to the next heading. */
  static String section(String output, String heading) {
    int start = output.indexOf(heading);
    assertThat(start).as("step %s in output", heading).isNotNegative();
    int next = output.indexOf("\n-- ", start + 1);
    int bigTenants = output.indexOf("\n== ", start + 1);
    int end = next < 0 ? bigTenants : bigTenants < 0 ? next : Math.min(next, bigTenants);
    return output.substring(start, end < 0 ? output.length() : end);
  }

  /** The data rows of the first table in {@code text}: between the ---+--- rule and "(n rows)". */
  static List<String> tableRows(String text) {
    List<String> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : text.lines().toList()) {
      if (line.startsWith("-") && line.contains("-") && !line.startsWith("-- ")) {
        inTable = true;
      } else if (inTable && line.matches("\\(\\d+ rows?\\)")) {
        break;
      } else if (inTable) {
        rows.add(line);
      }
    }
    return rows;
  }

  /**
   * The first column of a query on the schema the example ran in. The test's own checks look across tenants on
   * purpose (e.g. that no other company's ads changed), so they are not held to the routing check.
   */
  private static List<String> actual(String sql) {
    return RoutingCheck.allowMultiShard(() -> column(db.dataSource(), sql));
  }

  /** The first column of a query on the untouched reference copy. */
  private static List<String> reference(String sql) {
    return column(referenceCopy.dataSource(), sql);
  }

  static List<String> column(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + "\n  statement: " + sql, e);
    }
  }
}
