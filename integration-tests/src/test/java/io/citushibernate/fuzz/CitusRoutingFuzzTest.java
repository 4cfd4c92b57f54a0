package io.citushibernate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.fuzz.Differential.CitusRouting;
import io.citushibernate.fuzz.Differential.Result;
import io.citushibernate.fuzz.Differential.Verdict;
import io.citushibernate.fuzz.StatementGenerator.Generated;
import io.citushibernate.internal.sql.StatementRewriter;
import io.citushibernate.tenant.TenantType;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import io.citushibernate.testkit.routing.Catalog;
import io.citushibernate.testkit.routing.RouterAnalyzer;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's Citus half: the shared database is a Citus cluster (tenant tables distributed by
 * their tenant column, shared tables as reference tables) and every scoped statement runs with
 * {@code citus.multi_task_query_log_level = error}, so it must be routed to one shard, and must
 * still answer as the statement does on the tenant's own PostgreSQL database. The testkit's
 * routing analyzer is held against Citus' own verdict on the statement and on its rewrite: it may
 * be stricter than Citus (it refuses what Citus splits into single-shard subplans), never looser.
 * Skipped where no Citus is available (CI); run it with {@code CITUS_PG_BIN} or
 * {@code CITUS_TEST_URL} set, and {@code -Dfuzz.citus.tries=N} for more statements.
 */
@CitusTest(requireCitus = true, routingCheck = false, cleanup = false, poolSize = 1)
class CitusRoutingFuzzTest {
  static CitusDatabase db;

  private static final RouterAnalyzer ANALYZER = new RouterAnalyzer(new Catalog(Map.of("accounts", "tenant_id",
      "orders", "tenant_id", "order_lines", "tenant_id", "\"Events\"", "org_id", "entries", "tenant_id"),
      Set.of("products", "settings"), Set.of()));
  private final StatementRewriter rewriter = new StatementRewriter(FuzzSchema.tenantTables(), 100_000, true);
  /** Analyzer versus Citus, by statement kind (S or R) and outcome. */
  private final Map<String, Integer> agreement = new TreeMap<>();
  private final List<String> analyzerLooser = new ArrayList<>();
  private final List<String> knownNotRouted = new ArrayList<>();

  @Test
  void scopedStatementsAreRoutedToOneShardAndAnswerAsOnTheTenantsOwnDatabase() throws Exception {
    int tries = Integer.getInteger("fuzz.citus.tries", 1000);
    long seed = Long.getLong("fuzz.citus.seed", 20261207L);
    FuzzReport report = new FuzzReport();
    List<String> failures = new ArrayList<>();
    try (Connection citus = db.dataSource().getConnection(); FuzzDatabases databases = FuzzDatabases.onCitus(citus)) {
      Random random = new Random(seed);
      for (int i = 0; i < tries; i++) {
        List<Integer> choices = random.ints(random.nextInt(300), 0, 10_000).boxed().toList();
        int tenant = FuzzSchema.TENANTS.get(random.nextInt(FuzzSchema.TENANTS.size()));
        Generated statement = StatementGenerator.generate(new Choices(choices), tenant);
        Result result = databases.differential().check(statement, tenant);
        report.record(statement, result);
        if (result.verdict() == Verdict.NOT_ROUTED && readsItsTenantValue(statement)) {
          // Citus pushes INSERT ... SELECT t.tenant ... down to the shard when it can; when the SELECT is too
          // complex for that, it repartitions through the coordinator: listed, not a rewrite fault
          knownNotRouted.add(statement.sql());
        } else if (result.verdict() == Verdict.DIFFERENT || result.verdict() == Verdict.NOT_ROUTED) {
          failures.add(result.verdict() + ": " + result.detail());
        }
        compareAnalyzer(databases.differential(), statement, tenant, result);
      }
    } finally {
      report.write("citus-fuzz-report.txt");
    }
    String agreementReport = "analyzer versus Citus: " + agreement + "\nanalyzer said routable, Citus did not: "
        + analyzerLooser + "\nINSERT ... SELECT of a read tenant value that Citus ran through the coordinator: "
        + knownNotRouted;
    System.out.println(agreementReport);
    assertThat(failures).as(report.summary()).isEmpty();
    assertThat(analyzerLooser).as(agreementReport).isEmpty();
  }

  /** An INSERT ... SELECT that names the tenant column, so its value is read by the SELECT, not filled in. */
  private static boolean readsItsTenantValue(Generated s) {
    String sql = s.sql().toLowerCase(java.util.Locale.ROOT);
    if (!sql.startsWith("insert into ") || sql.contains(" values ")) {
      return false;
    }
    String columns = sql.substring(sql.indexOf('(') + 1, sql.indexOf(')'));
    return java.util.Arrays.stream(columns.split(",")).map(String::trim)
        .anyMatch(c -> c.equals("tenant_id") || c.equals("org_id"));
  }

  /** Holds the analyzer's verdict on S and on R against what Citus did with them. */
  private void compareAnalyzer(Differential differential, Generated s, int tenant, Result result) {
    Map<Integer, Object> parameters = new HashMap<>();
    for (int i = 0; i < s.parameters().size(); i++) {
      parameters.put(i + 1, s.parameters().get(i));
    }
    tally("S", s.sql(), parameters, differential.routingOnCitus(s.sql(), s.parameters()));
    if (result.verdict() == Verdict.NOT_ROUTED && readsItsTenantValue(s)) {
      agreement.merge("R: INSERT ... SELECT through the coordinator (not compared)", 1, Integer::sum);
      return;
    }
    CitusRouting onR = switch (result.verdict()) {
      case AGREED -> CitusRouting.ROUTED;
      case NOT_ROUTED -> CitusRouting.MULTI_SHARD;
      default -> CitusRouting.FAILED;
    };
    if (onR != CitusRouting.FAILED) {
      try {
        tally("R", rewriter.analyse(s.sql()).render(TenantType.INTEGER.literal(tenant)), parameters, onR);
      } catch (CitusHibernateException refused) {
        // refused before it reached Citus
      }
    }
  }

  private void tally(String which, String sql, Map<Integer, Object> parameters, CitusRouting citus) {
    if (citus == CitusRouting.FAILED) {
      agreement.merge(which + ": Citus failed otherwise (not compared)", 1, Integer::sum);
      return;
    }
    boolean analyzerRoutable = ANALYZER.analyze(sql, parameters).routable();
    boolean citusRouted = citus == CitusRouting.ROUTED;
    String outcome = analyzerRoutable == citusRouted ? "agree" : analyzerRoutable ? "analyzer looser" : "analyzer stricter";
    agreement.merge(which + ": " + outcome, 1, Integer::sum);
    if (analyzerRoutable && !citusRouted && analyzerLooser.size() < 20) {
      analyzerLooser.add(which + ": " + sql + " " + parameters);
    }
  }
}
