package io.citushibernate.internal.sql;

import java.util.Locale;
import java.util.Set;

/**
 * Column names that PostgreSQL reads as plain identifiers but JSqlParser takes for keywords
 * (found by trying every candidate against the parser): a Hibernate DELETE or UPDATE
 * {@code ... where code = ? and number = ?} does not parse. When a statement fails to parse, it is
 * tried once more with these words quoted. None of them is a PostgreSQL keyword, so quoting the
 * lower-cased word names the same column (or type, as in {@code cast(? as uuid)}).
 */
final class KeywordColumns {
  static final Set<String> WORDS = Set.of("number", "uuid", "enum", "settings");

  private KeywordColumns() {
  }

  /** {@code sql} with every unquoted occurrence of {@link #WORDS} quoted; {@code sql} itself when none occurs. */
  static String quote(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 8);
    int[] copied = {0};
    SqlWords.scan(sql, (start, end, word, quoted) -> {
      String lower = word.toLowerCase(Locale.ROOT);
      if (!quoted && WORDS.contains(lower)) {
        out.append(sql, copied[0], start).append('"').append(lower).append('"');
        copied[0] = end;
      }
    });
    if (copied[0] == 0) {
      return sql;
    }
    return out.append(sql, copied[0], sql.length()).toString();
  }
}
