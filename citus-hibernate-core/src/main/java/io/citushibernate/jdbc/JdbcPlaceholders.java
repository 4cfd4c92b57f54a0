package io.citushibernate.jdbc;

/**
 * Counts JDBC {@code ?} placeholders the way pgjdbc reads them: not inside string literals,
 * quoted identifiers, dollar quotes or comments, and {@code ??} is an escaped operator.
 */
public final class JdbcPlaceholders {
  private JdbcPlaceholders() {
  }

  /** How many placeholders {@code sql} has. */
  public static int count(String sql) {
    int n = sql.length();
    int count = 0;
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      switch (c) {
        case '\'':
          i = skipString(sql, i, i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
              && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)) && sql.charAt(i - 2) != '_'));
          break;
        case '"':
          i = skipUntil(sql, i + 1, '"');
          break;
        case '-':
          if (i + 1 < n && sql.charAt(i + 1) == '-') {
            int end = sql.indexOf('\n', i);
            i = end < 0 ? n : end + 1;
          } else {
            i++;
          }
          break;
        case '/':
          i = i + 1 < n && sql.charAt(i + 1) == '*' ? skipBlockComment(sql, i) : i + 1;
          break;
        case '$':
          i = skipDollarQuote(sql, i);
          break;
        case '?':
          if (i + 1 < n && sql.charAt(i + 1) == '?') {
            i += 2;
          } else {
            count++;
            i++;
          }
          break;
        default:
          i++;
      }
    }
    return count;
  }

  private static int skipString(String sql, int quote, boolean escapes) {
    int i = quote + 1;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (escapes && c == '\\') {
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < n && sql.charAt(i + 1) == '\'') {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  private static int skipUntil(String sql, int from, char end) {
    int i = sql.indexOf(end, from);
    return i < 0 ? sql.length() : i + 1;
  }

  private static int skipBlockComment(String sql, int start) {
    int depth = 0;
    int i = start;
    int n = sql.length();
    while (i < n) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  /** {@code $tag$ ... $tag$}; a {@code $} that does not open a dollar quote ({@code $1}) is skipped. */
  private static int skipDollarQuote(String sql, int start) {
    if (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_')) {
      return start + 1;
    }
    int close = sql.indexOf('$', start + 1);
    if (close < 0) {
      return start + 1;
    }
    for (int k = start + 1; k < close; k++) {
      char c = sql.charAt(k);
      if (!(Character.isLetter(c) || c == '_' || k > start + 1 && Character.isDigit(c))) {
        return start + 1;
      }
    }
    String tag = sql.substring(start, close + 1);
    int end = sql.indexOf(tag, close + 1);
    return end < 0 ? sql.length() : end + tag.length();
  }
}
