package io.citushibernate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one lexer: words as PostgreSQL reads them, placeholders as pgjdbc reads them. */
class SqlWordsTest {
  @Test
  void placeholdersAreCountedAsPgjdbcReadsThem() {
    assertThat(SqlWords.placeholders("select ? from t where a = ? and b = '?' and \"?\" = 1")).isEqualTo(2);
    assertThat(SqlWords.placeholders("select data ?? 'k', ? -- ?\n /* ? /* ? */ ? */ $$ ? $$ $tag$ ?$tag$ E'\\'?'"))
        .isEqualTo(1);
    assertThat(SqlWords.placeholders("select $1, a$b, ?")).isEqualTo(1);
  }

  @Test
  void wordsSkipLiteralsCommentsAndDollarQuotes() {
    List<String> words = new ArrayList<>();
    SqlWords.scan("select \"Ta\"\"b\" from x -- y\n /* z /* w */ v */ where 'q' = E'\\'r' || $t$ s $t$ and a$b",
        (start, end, word, quoted) -> words.add(quoted ? "\"" + word + "\"" : word));

    assertThat(words).containsExactly("select", "\"Ta\"b\"", "from", "x", "where", "and", "a$b");
  }

  @Test
  void backslashEscapedQuotesOfEStringsAreDoubled() {
    assertThat(SqlWords.withoutBackslashQuotes("select E'it\\'s', E'a\\\\', 'b\\', e'\\n\\'' from t"))
        .isEqualTo("select E'it''s', E'a\\\\', 'b\\', e'\\n''' from t");
    assertThat(SqlWords.withoutBackslashQuotes("select 'x' -- E'\\'")).isEqualTo("select 'x' -- E'\\'");
  }
}
