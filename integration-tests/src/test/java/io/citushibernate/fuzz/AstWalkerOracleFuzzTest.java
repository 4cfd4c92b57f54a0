package io.citushibernate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.fuzz.StatementGenerator.Generated;
import io.citushibernate.sql.AstWalkerOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SQL engine's walker finds the same scopes and tables as the reflective walk it replaced, on
 * the statements the fuzzer writes: generated ones and damaged ones, as {@link SqlFuzzTest} and
 * {@link HostileSqlTest} make them. No database needed.
 */
class AstWalkerOracleFuzzTest {
  private static final int STATEMENTS = 5000;

  @Test
  void walkersAgreeOnGeneratedStatements() {
    Random random = new Random(20261209);
    List<String> differences = new ArrayList<>();
    int parsed = 0;
    for (int i = 0; i < STATEMENTS; i++) {
      Generated statement = StatementGenerator.generate(new Choices(numbers(random, 300)),
          FuzzSchema.TENANTS.get(random.nextInt(FuzzSchema.TENANTS.size())));
      for (String sql : List.of(statement.sql(), Mutator.mutate(statement, new Choices(numbers(random, 12))).sql())) {
        if (AstWalkerOracle.parses(sql)) {
          parsed++;
          String difference = AstWalkerOracle.difference(sql);
          if (difference != null) {
            differences.add(difference);
          }
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(parsed).as("statements compared").isGreaterThan(STATEMENTS);
  }

  private static List<Integer> numbers(Random random, int maxSize) {
    List<Integer> numbers = new ArrayList<>();
    for (int n = random.nextInt(maxSize + 1); n > 0; n--) {
      numbers.add(random.nextInt(10_000));
    }
    return numbers;
  }
}
