package io.citushibernate.fuzz;

import io.citushibernate.fuzz.StatementGenerator.Generated;
import java.util.List;

/**
 * Damages a generated statement the way hostile or broken input does: unterminated quotes and
 * comments, dollar quotes, backslashes, stray parentheses and semicolons, table names dropped in
 * anywhere, ranges cut out or repeated. Most results are invalid; the ones PostgreSQL still runs
 * are where a lexer that reads SQL otherwise than PostgreSQL would scope the wrong thing.
 */
final class Mutator {
  private static final List<String> FRAGMENTS = List.of("'", "\"", "/*", "*/", "--", "\n", "$$", "$a$", "E'", "\\",
      "(", ")", ";", "?", " accounts ", "\"accounts\"", " \"Events\" ", " audit.entries ", "/* orders */",
      " union all select * from accounts", " where ", " or true ", "'--'", "$$ from orders $$", "e'\\''", "??", "::text",
      "\0");

  private Mutator() {
  }

  static Generated mutate(Generated statement, Choices c) {
    String sql = statement.sql();
    int mutations = 1 + c.below(3);
    for (int m = 0; m < mutations && !sql.isEmpty(); m++) {
      int at = c.below(sql.length() + 1);
      int length = 1 + c.below(Math.max(1, Math.min(40, sql.length() - Math.min(at, sql.length() - 1))));
      int end = Math.min(sql.length(), at + length);
      sql = switch (c.below(4)) {
        case 1 -> sql.substring(0, at) + sql.substring(end);
        case 2 -> sql.substring(0, end) + sql.substring(at, end) + sql.substring(end);
        default -> sql.substring(0, at) + c.pick(FRAGMENTS) + sql.substring(at);
      };
    }
    return new Generated(sql, statement.parameters(), statement.writes());
  }

  /** Any characters at all, mostly SQL punctuation and words, some control and non-ASCII ones. */
  static Generated noise(Choices c) {
    StringBuilder sb = new StringBuilder();
    int length = c.below(120);
    for (int i = 0; i < length; i++) {
      switch (c.below(4)) {
        case 0 -> sb.append((char) (1 + c.below(0x3000))); // NUL only as a fragment: the protocol refuses it
        case 1 -> sb.append(c.pick(FRAGMENTS));
        default -> sb.append(c.pick(List.of("select ", "from ", "accounts ", "orders ", "t ", "join ", "on ", "= ", "1 ",
            "x ", "* ", ", ", "where ", "insert into ", "values ", "delete ", "update ", "set ", "with ", "as ")));
      }
    }
    return new Generated(sb.toString(), List.of(), true);
  }
}
