package io.citushibernate.examples.adanalytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the example on a database of the test's own and compares what it printed with plain SQL
 * (explicit {@code company_id = 5}) on an identical copy of the data that the example did not touch.
 */
class AdAnalyticsAppTest {
  private static final String[] SIZES = {"--tenants", "8", "--rows-per-tenant", "400"};
  private static final long TENANT = 5;

  static EmbeddedPostgres server;
  static String output;

  @BeforeAll
  static void runExampleAndLoadReference() throws Exception {
    server = EmbeddedPostgres.builder().start();
    execute("postgres", "CREATE DATABASE actual", "CREATE DATABASE reference");
    output = run(args("--jdbc-url", url("actual")));
    // the reference copy: same schema and data, nothing run against it
    Options options = Options.parse(args("--jdbc-url", url("reference")), Map.of());
    try (Database reference = Database.open(options, new Report(new PrintStream(OutputStream.nullOutputStream())))) {
      SchemaMigration.apply(reference.dataSource(), new Report(new PrintStream(OutputStream.nullOutputStream())));
      new BulkLoader(reference.dataSource(), new Report(new PrintStream(OutputStream.nullOutputStream())))
          .load(new SampleData(8, 400));
    }
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void appliesTheChangelogAndSkipsTheCitusChangesOnPlainPostgres() {
    assertThat(output).contains("ran changeset 1-companies-campaigns-ads", "ran changeset 4-user-data-indexes",
        "citus-liquibase: skipped createDistributedTable in changeset db/changelog.xml::3-distribute-clicks",
        "citus-liquibase: skipped createReferenceTable");
  }

  @Test
  void createsTheTutorialsCompositeKeysAndIndexes() throws SQLException {
    assertThat(column("actual", "select pg_get_constraintdef(oid) from pg_constraint where conname = 'ads_pkey'"))
        .containsExactly("PRIMARY KEY (company_id, id)");
    assertThat(column("actual", "select indexdef from pg_indexes where indexname like 'click_user_data%' order by 1"))
        .containsExactly("CREATE INDEX click_user_data ON public.clicks USING gin (user_data)",
            "CREATE INDEX click_user_data_is_mobile ON public.clicks USING btree (((user_data ->> 'is_mobile'::text)))"
                + " WHERE (company_id = 5)");
  }

  @Test
  void loadsConsistentDataWithCopy() throws SQLException {
    assertThat(column("reference", "select count(*) from companies")).containsExactly("8");
    assertThat(column("reference", "select (select sum(clicks_count) from ads) = (select count(*) from clicks)"))
        .containsExactly("t");
    assertThat(output).containsPattern("clicks +[0-9,]+ rows");
  }

  @Test
  void countsOneCompanyAsTheTenantAndAllAcrossTenants() {
    assertThat(output).containsPattern("TenantContext.run\\(5L, \\.\\.\\.\\) +\\| +1\n")
        .containsPattern("TenantContext.runCrossTenant\\(\\.\\.\\.\\) +\\| +8\n");
  }

  @Test
  void printsTheTenantsTopTenCampaigns() throws SQLException {
    List<String> expected = column("reference", "select id || ' | ' || name from campaigns where company_id = 5 "
        + "order by monthly_budget desc, id limit 10");
    assertThat(expected).hasSize(10);
    List<String> printed = tableRows(section("-- 2.")).stream()
        .map(r -> r.split("\\|")[0].strip() + " | " + r.split("\\|")[1].strip()).toList();
    assertThat(printed).isEqualTo(expected);
  }

  @Test
  void printsRunningCampaignsWithSummedCounts() throws SQLException {
    List<String> expected = column("reference", """
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
  void doublesTheBudgetThenDeletesTheCampaignWithItsAds() throws SQLException {
    String first = column("reference", "select min(id) from campaigns where company_id = 5").get(0);
    String budget = column("reference", "select monthly_budget from campaigns where id = " + first).get(0);
    assertThat(section("-- 4.")).containsPattern(" " + first + " \\| +1 \\| +" + budget + " \\| +"
        + 2 * Long.parseLong(budget) + "\n");
    String ads = column("reference", "select count(*) from ads where company_id = 5 and campaign_id = " + first).get(0);
    assertThat(section("-- 5.")).containsPattern("ads +\\| +" + ads + "\n").containsPattern("campaigns +\\| +1\n");
    assertThat(column("actual", "select count(*) from campaigns where id = " + first)).containsExactly("0");
    assertThat(column("actual", "select count(*) from ads where campaign_id = " + first)).containsExactly("0");
    // nobody else's data changed
    assertThat(column("actual", "select count(*) from ads where company_id <> 5"))
        .isEqualTo(column("reference", "select count(*) from ads where company_id <> 5"));
  }

  @Test
  void jsonbQueriesCountTheTenantsClicks() throws SQLException {
    // the example deleted one campaign's clicks before these steps
    String first = column("reference", "select min(id) from campaigns where company_id = 5").get(0);
    String left = "company_id = 5 and ad_id not in (select id from ads where campaign_id = " + first + ")";
    List<String> expected = column("reference", "select is_mobile || ' ' || n from (select user_data->>'is_mobile' "
        + "as is_mobile, count(*) as n from clicks where " + left + " group by 1) x order by n desc, is_mobile");
    List<String> printed = tableRows(section("-- 6.")).stream()
        .map(r -> r.split("\\|")[0].strip() + " " + r.split("\\|")[1].strip()).toList();
    assertThat(printed).isEqualTo(expected);
    String mobile = column("reference", "select count(*) from clicks where " + left
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
  void reportsTheLargestTenantAndSkipsTheCitusOnlySteps() throws SQLException {
    String largest = column("reference", "select company_id from (select company_id from clicks union all "
        + "select company_id from impressions) e group by 1 order by count(*) desc, 1 limit 1").get(0);
    assertThat(output).contains("Largest tenant: company " + largest + " ")
        .contains("Skipped isolate_tenant_to_new_shard and citus_stat_tenants: this database has no citus extension");
  }

  @Test
  void runsAgainOnTheSameDatabase() throws Exception {
    execute("postgres", "CREATE DATABASE rerun");
    run(args("--jdbc-url", url("rerun"), "--tenant", "2"));
    String again = run(args("--jdbc-url", url("rerun"), "--tenant", "2"));
    assertThat(again).contains("Up to date", "TRUNCATE", "Queries as company 2", "Done.");
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
    int start = output.indexOf(heading);
    assertThat(start).as("step %s in output", heading).isNotNegative();
    int next = output.indexOf("\n-- ", start + 1);
    int bigTenants = output.indexOf("\n== ", start + 1);
    int end = next < 0 ? bigTenants : bigTenants < 0 ? next : Math.min(next, bigTenants);
    return output.substring(start, end < 0 ? output.length() : end);
  }

  /** The data rows of the first table in {@code text}: between the ---+--- rule and "(n rows)". */
  private static List<String> tableRows(String text) {
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

  private static String url(String database) {
    return server.getJdbcUrl("postgres", database);
  }

  private static void execute(String database, String... statements) throws SQLException {
    try (Connection c = server.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static List<String> column(String database, String sql) throws SQLException {
    try (Connection c = server.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }
}
