package io.citushibernate.fuzz;

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
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile SQL through the same oracle as {@link SqlFuzzTest}: damaged statements (unterminated
 * quotes and comments, dollar quotes, backslashes, stray semicolons and table names) and noise.
 * Whatever PostgreSQL makes of them, the library either refuses them with its own exception or
 * sends something that answers as the statement does on the tenant's own database: it never
 * scopes wrongly, and its lexer never reads a table name PostgreSQL reads as a table as something
 * else. Bounded parsing of pathological input is shown in the core's {@code ParseLimitsTest}.
 */
class HostileSqlTest {
  static FuzzDatabases databases;
  static final FuzzReport report = new FuzzReport();

  /** A damaged statement: the decisions it is written from, those that damage it, and its tenant. */
  record HostileCase(List<Integer> choices, List<Integer> damage, int tenant, boolean noise) {
    Generated statement() {
      return noise ? Mutator.noise(new Choices(damage))
          : Mutator.mutate(StatementGenerator.generate(new Choices(choices), tenant), new Choices(damage));
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
    report.write("hostile-sql-report.txt");
    if (databases != null) {
      databases.close();
    }
  }

  @Provide
  Arbitrary<HostileCase> cases() {
    Arbitrary<List<Integer>> choices = Arbitraries.integers().between(0, 9_999).list().ofMaxSize(300);
    return Combinators.combine(choices, Arbitraries.integers().between(0, 9_999).list().ofMaxSize(12),
        Arbitraries.of(FuzzSchema.TENANTS), Arbitraries.of(false, false, false, true)).as(HostileCase::new);
  }

  @Property(tries = 1500, seed = "20261208", shrinking = ShrinkingMode.FULL)
  void damagedStatementsAreRefusedOrScopedRight(@ForAll("cases") HostileCase hostile) {
    Generated statement = hostile.statement();
    Result result = databases.differential().check(statement, hostile.tenant());
    report.record(statement, result);
    if (result.verdict() == Verdict.DIFFERENT) {
      throw new AssertionError(result.detail());
    }
  }
}
