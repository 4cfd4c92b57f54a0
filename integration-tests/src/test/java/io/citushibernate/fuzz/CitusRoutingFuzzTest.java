package io.citushibernate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.fuzz.Differential.Result;
import io.citushibernate.fuzz.Differential.Verdict;
import io.citushibernate.fuzz.StatementGenerator.Generated;
import io.citushibernate.testkit.CitusDatabase;
import io.citushibernate.testkit.CitusTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's Citus half: the shared database is a Citus cluster (tenant tables distributed by
 * their tenant column, shared tables as reference tables) and every scoped statement runs with
 * {@code citus.multi_task_query_log_level = error}, so it must be routed to one shard, and must
 * still answer as the statement does on the tenant's own PostgreSQL database. Skipped where no
 * Citus is available (CI); run it with {@code CITUS_PG_BIN} or {@code CITUS_TEST_URL} set, and
 * {@code -Dfuzz.citus.tries=N} for more statements.
 */
@CitusTest(requireCitus = true, routingCheck = false, cleanup = false, poolSize = 1)
class CitusRoutingFuzzTest {
  static CitusDatabase db;

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
        if (result.verdict() == Verdict.DIFFERENT || result.verdict() == Verdict.NOT_ROUTED) {
          failures.add(result.verdict() + ": " + result.detail());
        }
      }
    } finally {
      report.write("citus-fuzz-report.txt");
    }
    assertThat(failures).as(report.summary()).isEmpty();
  }
}
