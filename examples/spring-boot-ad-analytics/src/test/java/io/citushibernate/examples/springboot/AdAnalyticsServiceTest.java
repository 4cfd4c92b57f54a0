package io.citushibernate.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.testkit.AutoConfigureCitusDatabase;
import io.citushibernate.testkit.CitusDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

/**
 * The service over real HTTP on the testkit's database ({@link AutoConfigureCitusDatabase}): a
 * Citus cluster when one is available ({@code CITUS_TEST_URL}, {@code CITUS_PG_BIN}, Docker), else
 * embedded PostgreSQL, with every statement checked to reach a single shard. Three companies hold campaigns with the
 * same ids and different names and budgets, so any leak or mix-up changes an answer. The expected
 * answer for company X is read with explicit {@code company_id = X} SQL: what plain code would
 * return on a database holding only X's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCitusDatabase
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class AdAnalyticsServiceTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static boolean seeded;

  @Value("${local.server.port}")
  int port;

  @Autowired
  DataSource dataSource;

  @Autowired
  CitusDatabase database;

  @BeforeEach
  void seed() {
    if (seeded) {
      return;
    }
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    TenantContext.runCrossTenant("test data for three companies", () -> {
      for (long company = 1; company <= 3; company++) {
        jdbc.update("insert into companies (id, name, created_at, updated_at) values (?, ?, now(), now())",
            company, "company " + company);
        for (long id = 1; id <= company + 1; id++) {
          jdbc.update("insert into campaigns (id, company_id, name, cost_model, state, monthly_budget, created_at, "
              + "updated_at) values (?, ?, ?, 'cpc', ?, ?, now(), now())",
              id, company, "c" + company + "-campaign-" + id, id % 2 == 0 ? "paused" : "running", 100 * company + id);
          jdbc.update("insert into ads (id, company_id, campaign_id, name, impressions_count, clicks_count, created_at, "
              + "updated_at) values (?, ?, ?, ?, ?, ?, now(), now())",
              id, company, id, "ad " + id, 1000 * company + id, 10 * company + id);
        }
      }
    });
    seeded = true;
  }

  @Test
  void concurrentTenantsNeverSeeEachOthersCampaigns() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(6);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        long company = 1 + i % 3;
        answers.add(clients.submit(() -> get("/campaigns", company).body().equals(expectedCampaignsJson(company))));
      }
      for (Future<Boolean> answer : answers) {
        assertThat(answer.get()).isTrue();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void theSameIdIsEachCompanysOwnCampaign() throws Exception {
    assertThat(json(get("/campaigns/1", 1L)).get("name")).isEqualTo("c1-campaign-1");
    assertThat(json(get("/campaigns/1", 2L)).get("name")).isEqualTo("c2-campaign-1");
    assertThat(get("/campaigns/4", 2L).statusCode()).isEqualTo(404);
    assertThat(json(get("/campaigns/4", 3L)).get("name")).isEqualTo("c3-campaign-4");
  }

  @Test
  void derivedQueriesPagesJoinsAndNativeSqlAreScoped() throws Exception {
    assertThat(get("/campaigns?state=paused", 3L).body()).contains("c3-campaign-2", "c3-campaign-4")
        .doesNotContain("c1-", "c2-");
    Map<String, Object> page = json(get("/campaigns/page?page=0&size=2", 3L));
    assertThat(page.get("total")).isEqualTo(4);
    assertThat(jsonList(get("/stats/clicks", 2L))).containsExactly(
        (Object) Map.of("campaign", "c2-campaign-1", "clicks", 21, "impressions", 2001),
        Map.of("campaign", "c2-campaign-2", "clicks", 22, "impressions", 2002),
        Map.of("campaign", "c2-campaign-3", "clicks", 23, "impressions", 2003));
    assertThat(jsonList(get("/stats/budget", 3L))).containsExactly(
        (Object) Map.of("state", "paused", "campaigns", 2, "budget", 606),
        Map.of("state", "running", "campaigns", 2, "budget", 604));
    assertThat(json(get("/campaigns/top", 1L).body().replaceFirst("^\\[", "").replaceFirst(",\\{.*", "")).get("name"))
        .isEqualTo("c1-campaign-2");
  }

  @Test
  void jdbcTemplateAndAsyncWorkSeeTheRequestsTenant() throws Exception {
    for (long company = 1; company <= 3; company++) {
      Map<String, Object> counts = json(get("/stats/count", company));
      long expected = company + 1; // and the insert of jdbcInTransaction is rolled back
      assertThat(counts.get("jpa")).isEqualTo((int) expected);
      assertThat(counts.get("jdbc")).as("JdbcTemplate on the starter's DataSource").isEqualTo((int) expected);
      assertThat(counts.get("async")).as("@Async on Spring's executor").isEqualTo((int) expected);
      assertThat(counts.get("jdbcInTransaction")).as("JdbcTemplate on the entity manager's connection, "
          + "after an uncommitted insert through JPA").isEqualTo((int) expected + 1);
    }
  }

  @Test
  void aRequestWithoutTenantGetsAProblemNotData() throws Exception {
    HttpResponse<String> response = get("/campaigns", null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).get("detail")).asString().contains("X-Tenant-ID");

    HttpResponse<String> invalid = send(HttpRequest.newBuilder(uri("/campaigns")).header("X-Tenant-ID", "acme"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).get("title")).isEqualTo("Invalid tenant");
  }

  /**
   * Spring Data JPA switches its native-query parser when net.sf.jsqlparser is on the classpath; the
   * library's JSqlParser is relocated into its own jar so that an application's behaviour does not
   * depend on whether it uses citus-hibernate.
   */
  @Test
  void theLibraryLeavesNoJSqlParserOnTheApplicationsClasspath() {
    assertThat(ClassUtils.isPresent("net.sf.jsqlparser.parser.JSqlParser", getClass().getClassLoader())).isFalse();
    assertThat(ClassUtils.isPresent("io.citushibernate.internal.jsqlparser.parser.JSqlParser",
        getClass().getClassLoader())).isTrue();
  }

  @Test
  void aCompanyRegistersItselfAsItsTenant() throws Exception {
    HttpResponse<String> registered = send(HttpRequest.newBuilder(uri("/company")).header("X-Tenant-ID", "4")
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Initrode\"}")));
    assertThat(registered.statusCode()).isEqualTo(200);
    assertThat(json(registered)).containsEntry("id", 4).containsEntry("name", "Initrode");
    HttpResponse<String> created = post("/campaigns", 4L, "{\"name\":\"first\",\"monthlyBudget\":3}");
    assertThat(json(created).get("companyId")).isEqualTo(4);
    assertThat(jsonList(get("/campaigns", 4L))).hasSize(1);
    assertThat(expectedCampaignsJson(1)).doesNotContain("first");
  }

  /**
   * The routing check is on: under the starter's scoping there is no multi-shard statement to send,
   * so the proof goes around it, on the testkit's own data source.
   */
  @Test
  void theRoutingCheckRefusesAStatementOnEveryShard() {
    JdbcTemplate unscoped = new JdbcTemplate(database.dataSource());
    assertThatThrownBy(() -> unscoped.queryForObject("select count(*) from campaigns", Long.class))
        .hasMessageContaining("Multi-shard statement refused");
    assertThat(unscoped.queryForObject("select count(*) from campaigns where company_id = 2", Long.class))
        .isEqualTo(3L);
    assertThat(database.statements()).contains("select count(*) from campaigns where company_id = 2");
  }

  @Test
  void healthNeedsNoTenant() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    Map<String, Object> components = (Map<String, Object>) json(health).get("components");
    assertThat(components.get("citus")).isEqualTo(Map.of("status", "UP"));
  }

  /**
   * The starter's citus endpoint, without a tenant: on Citus every table of the mapping is
   * distributed (or a reference table) as mapped, after the Liquibase changelog's citus change types.
   */
  @Test
  void theCitusReportShowsEveryTableAsMapped() throws Exception {
    HttpResponse<String> response = get("/actuator/citus", null);
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> report = json(response);
    assertThat(report.get("mapping")).asString().startsWith("the Hibernate mapping of");
    if (!database.isCitus()) {
      assertThat(report.get("citus")).isEqualTo("absent");
      return;
    }
    assertThat(report.get("citus")).isEqualTo("present");
    assertThat((List<Object>) report.get("nodes")).hasSize(3);
    assertThat((List<Object>) report.get("problems")).isEmpty();
    List<Map<String, Object>> tables = (List<Map<String, Object>>) report.get("tables");
    assertThat(tables).extracting(t -> t.get("table"))
        .contains("companies", "campaigns", "ads", "clicks", "impressions");
    assertThat(tables).allSatisfy(t -> assertThat(t.get("asMapped")).isEqualTo(true));
  }

  @Test
  void writingAnotherCompanysRowIsForbiddenAndChangesNothing() throws Exception {
    String before = expectedCampaignsJson(2);
    HttpResponse<String> refused = post("/campaigns", 1L, "{\"name\":\"sneaky\",\"monthlyBudget\":1,\"companyId\":2}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json(refused).get("title")).isEqualTo("Another tenant's data");
    assertThat(expectedCampaignsJson(2)).isEqualTo(before);

    HttpResponse<String> created = post("/campaigns", 3L, "{\"name\":\"new for 3\",\"monthlyBudget\":7}");
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(json(created).get("companyId")).isEqualTo(3);
    TenantContext.runCrossTenant("clean up the created campaign", () ->
        new JdbcTemplate(dataSource).update("delete from campaigns where company_id = 3 and name = 'new for 3'"));
  }

  /** The campaigns of {@code company} as the service would list them, read with explicit SQL. */
  private String expectedCampaignsJson(long company) throws Exception {
    List<Map<String, Object>> rows = TenantContext.getCrossTenant("expected answer", () ->
        new JdbcTemplate(dataSource).queryForList("select id, company_id as \"companyId\", name, state, "
            + "monthly_budget as \"monthlyBudget\" from campaigns where company_id = ? order by id", company));
    return JSON.writeValueAsString(rows);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> get(String path, Long company) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (company != null) {
      request.header("X-Tenant-ID", company.toString());
    }
    return send(request);
  }

  private HttpResponse<String> post(String path, long company, String body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("X-Tenant-ID", Long.toString(company))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    return json(response.body());
  }

  private static Map<String, Object> json(String body) throws Exception {
    return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
  }

  private static List<Object> jsonList(HttpResponse<String> response) throws Exception {
    return JSON.readValue(response.body(), new TypeReference<List<Object>>() { });
  }
}
