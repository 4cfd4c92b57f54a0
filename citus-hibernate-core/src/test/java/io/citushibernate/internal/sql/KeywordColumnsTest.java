package io.citushibernate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordColumnsTest {
  private final StatementRewriter rewriter = new StatementRewriter(RewriteCases.adAnalytics(), 100, true);

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      delete from campaigns where id=? and number=?     | DELETE FROM campaigns WHERE id = ? AND "number" = ? AND campaigns.company_id = 5
      update campaigns set name=? where id=? and Number=? | UPDATE campaigns SET name = ? WHERE id = ? AND "number" = ? AND campaigns.company_id = 5
      update campaigns set uuid=? where id=? and uuid=? | UPDATE campaigns SET "uuid" = ? WHERE id = ? AND "uuid" = ? AND campaigns.company_id = 5
      select c1_0.id from campaigns c1_0 where settings=? | SELECT c1_0.id FROM campaigns c1_0 WHERE "settings" = ? AND c1_0.company_id = 5
      """)
  void statementsWithColumnsTheParserTakesForKeywordsAreScoped(String in, String out) {
    assertThat(rewriter.analyse(in).render("5")).isEqualTo(out);
  }

  @Test
  void quotesOnlyTheWordsOutsideStringsCommentsAndQuotedNames() {
    assertThat(KeywordColumns.quote("select 'number', \"number\", x.number /* number */ from t where number = ? -- enum"))
        .isEqualTo("select 'number', \"number\", x.\"number\" /* number */ from t where \"number\" = ? -- enum");
    assertThat(KeywordColumns.quote("select numbers, enumerated from t")).isEqualTo("select numbers, enumerated from t");
  }

  @Test
  void leavesStatementsWithoutThoseWordsAsTheyAre() {
    String sql = "delete from t where a = ?";
    assertThat(KeywordColumns.quote(sql)).isSameAs(sql);
  }
}
