package io.citushibernate.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void alignsLikePsqlWithNumbersOnTheRight() {
    String table = new TextTable("name", "monthly_budget")
        .row("Spring sale 1", 9900L)
        .row("Brand", new BigDecimal("12.50"))
        .row(null, 7)
        .render();
    assertThat(table).isEqualTo("""
             name      | monthly_budget
        ---------------+----------------
         Spring sale 1 |           9900
         Brand         |           12.5
                       |              7
        (3 rows)
        """);
  }
}
