package io.citushibernate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citushibernate.UnscopableStatementException;
import org.junit.jupiter.api.Test;

/**
 * Input that would hold the parser for seconds or overflow its stack is refused by the lexer's
 * measure before it is parsed, named with the setting that bounds it. The inputs are the known
 * pathological ones for JSqlParser (its issues #766 nested CONCAT, #858 nested CASE, #1019 nested
 * IF, #2519 deep parentheses): the test shows they never reach the parser, so no clock is needed.
 */
class ParseLimitsTest {
  private final StatementRewriter rewriter = new StatementRewriter(RewriteCases.adAnalytics(), 100, true);

  private static String nested(String open, String inner, String close, int depth) {
    return open.repeat(depth) + inner + close.repeat(depth);
  }

  @Test
  void deepNestingIsRefusedBeforeParsing() {
    String[] pathological = {
        "select " + nested("(", "1", ")", 10_000) + " from ads",
        "select " + nested("concat(", "'1'", ", 'x')", 100) + " from ads",
        "select " + nested("case when 1 = 1 then 1 else ", "1", " end", 100) + " from ads",
        "select " + nested("coalesce(", "1", ", 2)", 70) + " from ads",
        "select * from ads where id in " + nested("(select id from ads where id in ", "(1)", ")", 70),
        "select " + "(".repeat(5_000) + " from ads", // never closed
        "select * from ads where " + nested("(", "id = 1", " or id = 2)", 65)};
    for (String sql : pathological) {
      assertThatThrownBy(() -> rewriter.analyse(sql)).as(sql.substring(0, 60))
          .isInstanceOf(UnscopableStatementException.class)
          .hasMessageContaining("levels deep")
          .hasMessageContaining("citus.hibernate.max_statement_nesting")
          .hasMessageContaining("[ads]");
    }
  }

  @Test
  void nestingAtTheLimitIsParsed() {
    String sql = "select " + nested("(", "1", ")", 63) + " from ads";

    assertThat(rewriter.analyse(sql).render("5")).endsWith("FROM ads WHERE ads.company_id = 5");
  }

  @Test
  void overlongStatementsAreRefusedBeforeParsing() {
    String sql = "select * from ads where id in (" + "1,".repeat(200_000) + "1)";

    assertThatThrownBy(() -> rewriter.analyse(sql)).isInstanceOf(UnscopableStatementException.class)
        .hasMessageContaining("400033 characters long")
        .hasMessageContaining("citus.hibernate.max_statement_length")
        .hasMessageContaining("= ANY(?)");
  }

  @Test
  void limitsApplyOnlyToStatementsOnTenantTables() {
    String sql = "select " + nested("(", "1", ")", 10_000) + " from geo_ips";

    assertThat(rewriter.analyse(sql).render("5")).isSameAs(sql);
  }

  @Test
  void parenthesesInLiteralsAndCommentsDoNotCount() {
    String sql = "select '" + "(".repeat(100) + "' from ads /* " + "(".repeat(100) + " */";

    assertThat(rewriter.analyse(sql).render("5")).contains("ads.company_id = 5");
  }

  @Test
  void limitsAreSettings() {
    StatementRewriter strict = new StatementRewriter(RewriteCases.adAnalytics(), 100, true, new ParseLimits(40, 2));

    assertThatThrownBy(() -> strict.analyse("select ((1)) + (((2))) from ads")).hasMessageContaining("3 levels deep");
    assertThatThrownBy(() -> strict.analyse("select id, name, campaign_id, image_url from ads"))
        .hasMessageContaining("48 characters long");
    assertThatThrownBy(() -> new ParseLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
