package io.citushibernate.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the words of a SQL string the way PostgreSQL's lexer sees them: string literals
 * ({@code '...'}, {@code E'...'}), dollar-quoted strings and comments are skipped, quoted
 * identifiers are words (with doubled quotes undone); and its JDBC placeholders the way pgjdbc
 * sees them ({@code ??} is pgjdbc's escape for a {@code ?} operator, not a placeholder). The one
 * lexer of the library: the rewriter's table check and the JDBC binding's placeholder count agree
 * because they read with the same rules. Cheap enough to run before parsing.
 */
public final class SqlWords {
  private SqlWords() {
  }

  /** Receives each word: its start and end index in the SQL, its text, and whether it was quoted. */
  interface Visitor {
    void word(int start, int end, String word, boolean quoted);

    /** A JDBC placeholder at {@code index}. */
    default void placeholder(int index) {
    }

    /** A string literal from its opening quote to after its closing one; {@code escapes} for E'...'. */
    default void string(int start, int end, boolean escapes) {
    }

    /** A parenthesis outside literals and comments: {@code open} for {@code (}. */
    default void parenthesis(int index, boolean open) {
    }
  }

  /** A word outside literals and comments: where it stands, its text (quotes undone), whether it was quoted. */
  public record Word(int start, int end, String text, boolean quoted) {
  }

  /** The words of {@code sql}, in order (the testkit's routing analyzer reads with these rules too). */
  public static List<Word> words(String sql) {
    List<Word> words = new ArrayList<>();
    scan(sql, (start, end, word, quoted) -> words.add(new Word(start, end, word, quoted)));
    return words;
  }

  /** How many JDBC placeholders {@code sql} has. */
  public static int placeholders(String sql) {
    int[] count = new int[1];
    scan(sql, new Visitor() {
      @Override
      public void word(int start, int end, String word, boolean quoted) {
      }

      @Override
      public void placeholder(int index) {
        count[0]++;
      }
    });
    return count[0];
  }

  static void scan(String sql, Visitor visitor) {
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'' && !wordBefore(sql, i))) {
        int quote = c == '\'' ? i : i + 1;
        i = skipString(sql, quote, c != '\'');
        visitor.string(quote, i, c != '\'');
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = skipBlockComment(sql, i);
      } else if (c == '$' && !wordBefore(sql, i)) {
        i = skipDollarQuoted(sql, i);
      } else if (c == '"') {
        int start = i;
        int end = i + 1;
        StringBuilder quoted = new StringBuilder();
        while (end < n) {
          char q = sql.charAt(end);
          if (q == '"') {
            if (end + 1 < n && sql.charAt(end + 1) == '"') {
              quoted.append('"');
              end += 2;
              continue;
            }
            break;
          }
          quoted.append(q);
          end++;
        }
        i = Math.min(end + 1, n);
        visitor.word(start, i, quoted.toString(), true);
      } else if (c == '(' || c == ')') {
        visitor.parenthesis(i, c == '(');
        i++;
      } else if (c == '?') {
        if (i + 1 < n && sql.charAt(i + 1) == '?') {
          i += 2;
        } else {
          visitor.placeholder(i);
          i++;
        }
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
          i++;
        }
        visitor.word(start, i, sql.substring(start, i), false);
      } else {
        i++;
      }
    }
  }

  /**
   * {@code sql} with every backslash-escaped quote inside an E'...' string doubled instead, which
   * PostgreSQL reads the same and JSqlParser, which knows no backslash escapes, reads at all.
   */
  static String withoutBackslashQuotes(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int[] copied = {0};
    scan(sql, new Visitor() {
      @Override
      public void word(int start, int end, String word, boolean quoted) {
      }

      @Override
      public void string(int start, int end, boolean escapes) {
        if (!escapes) {
          return;
        }
        out.append(sql, copied[0], start);
        for (int i = start; i < end; i++) {
          char c = sql.charAt(i);
          if (c == '\\' && i + 1 < end) {
            out.append(sql.charAt(i + 1) == '\'' ? "''" : sql.substring(i, i + 2));
            i++;
          } else {
            out.append(c);
          }
        }
        copied[0] = end;
      }
    });
    return copied[0] == 0 ? sql : out.append(sql, copied[0], sql.length()).toString();
  }

  private static boolean wordBefore(String sql, int i) {
    return i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_');
  }

  /** The index after the string literal whose opening quote is at {@code quote}. */
  private static int skipString(String sql, int quote, boolean backslashEscapes) {
    int i = quote + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return i;
  }

  private static int skipBlockComment(String sql, int start) {
    int depth = 0; // PostgreSQL block comments nest
    int i = start;
    while (i < sql.length()) {
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
    return i;
  }

  /** Skips {@code $tag$...$tag$}; a lone {@code $} (or {@code $1}) is skipped as one character. */
  private static int skipDollarQuoted(String sql, int start) {
    int end = start + 1;
    while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
      end++;
    }
    if (end >= sql.length() || sql.charAt(end) != '$' || (end > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
      return start + 1;
    }
    String tag = sql.substring(start, end + 1);
    int close = sql.indexOf(tag, end + 1);
    return close < 0 ? sql.length() : close + tag.length();
  }

}
