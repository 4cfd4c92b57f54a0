package io.citushibernate.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Placeholders are counted as pgjdbc reads them: not in literals, quoted names, comments or dollar quotes. */
class JdbcPlaceholdersTest {
  @Test
  void placeholdersAreCountedAsPgjdbcReadsThem() {
    assertThat(JdbcPlaceholders.count("select ? from t where a = ? and b = '?' and \"?\" = 1")).isEqualTo(2);
    assertThat(JdbcPlaceholders.count("select data ?? 'k', ? -- ?\n /* ? /* ? */ ? */ $$ ? $$ $tag$ ?$tag$ E'\\'?'"))
        .isEqualTo(1);
    assertThat(JdbcPlaceholders.count("select $1, a$b, ?")).isEqualTo(1);
  }
}
