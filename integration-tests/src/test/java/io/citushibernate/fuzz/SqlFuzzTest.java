package io.citushibernate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.fuzz.Differential.Result;
import io.citushibernate.fuzz.Differential.Verdict;
import io.citushibernate.fuzz.StatementGenerator.Generated;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The differential SQL fuzzer on PostgreSQL: for generated statements S and tenants X, the
 * library's rewrite of S answers on the multi-tenant database exactly as S does on a database
 * holding only X's rows (see {@link Differential}); a statement the library refuses is refused with
 * its own exception and a reason, counted in the report ({@code target/sql-fuzz-report.txt}).
 *
 * <p>CI runs a fixed seed. For a long run with fresh seeds:
 * {@code ./mvnw -B verify -pl integration-tests -am -Dtest=SqlFuzzTest -Dfuzz.long=true -Djqwik.tries.default=1000000}.
 * A failure is shrunk to a minimal statement and reported with its rewrite and both answers.
 */
class SqlFuzzTest {
  static final int CI_TRIES = 3000;

  static FuzzDatabases databases;
  static final FuzzReport report = new FuzzReport();

  /** One generated case: the decisions the statement is written from, and the tenant it runs for. */
  record FuzzCase(List<Integer> choices, int tenant) {
    Generated statement() {
      return StatementGenerator.generate(new Choices(choices), tenant);
    }

    @Override
    public String toString() {
      return "tenant " + tenant + ": " + statement();
    }
  }

  @BeforeContainer
  static void start() throws Exception {
    databases = FuzzDatabases.embedded();
  }

  @AfterContainer
  static void stop() throws Exception {
    report.write("sql-fuzz-report.txt");
    if (databases != null) {
      databases.close();
    }
    // A fuzzer that mostly writes invalid statements or gets them refused tests little: keep it honest.
    assertThat(report.share(Verdict.AGREED)).as(report.summary()).isGreaterThan(0.6);
  }

  @Provide
  Arbitrary<FuzzCase> cases() {
    return Combinators.combine(Arbitraries.integers().between(0, 9_999).list().ofMaxSize(300),
        Arbitraries.of(FuzzSchema.TENANTS)).as(FuzzCase::new);
  }

  @Property(tries = CI_TRIES, seed = "20261207", shrinking = ShrinkingMode.FULL)
  void scopedStatementAnswersAsOnTheTenantsOwnDatabase(@ForAll("cases") FuzzCase fuzzCase) {
    check(fuzzCase);
  }

  @Property(shrinking = ShrinkingMode.FULL)
  @AddLifecycleHook(LongRunOnly.class)
  void longRunWithFreshSeeds(@ForAll("cases") FuzzCase fuzzCase) {
    check(fuzzCase);
  }

  private static void check(FuzzCase fuzzCase) {
    Generated statement = fuzzCase.statement();
    Result result = databases.differential().check(statement, fuzzCase.tenant());
    report.record(statement, result);
    if (result.verdict() == Verdict.DIFFERENT) {
      throw new AssertionError(result.detail());
    }
  }
}
