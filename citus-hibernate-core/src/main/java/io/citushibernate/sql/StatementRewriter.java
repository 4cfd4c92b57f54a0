package io.citushibernate.sql;

import io.citushibernate.UnscopableStatementException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

/**
 * Scopes SQL statements to one tenant so that Citus routes them to one shard: every reference to
 * a tenant table gets {@code alias.tenant_column = <tenant>} where it filters exactly that table.
 *
 * <p>A statement is parsed once (JSqlParser); the result is cached as a {@link Rewrite} template
 * keyed by the SQL text, so later calls cost a map lookup and a string assembly. The cache is
 * bounded.
 */
public final class StatementRewriter {
  private final TenantTables tables;
  private final boolean refuseUnparseable;
  private final int cacheSize;
  private final ConcurrentHashMap<String, Rewrite> cache;

  /**
   * @param tables the unit's tenant tables
   * @param cacheSize how many distinct statements to keep analysed
   * @param refuseUnparseable whether SQL the parser cannot read is refused when it names a tenant
   *     table ({@code true}, fail closed) or sent as it is
   */
  public StatementRewriter(TenantTables tables, int cacheSize, boolean refuseUnparseable) {
    if (cacheSize < 1) {
      throw new IllegalArgumentException("cacheSize must be positive: " + cacheSize);
    }
    this.tables = tables;
    this.cacheSize = cacheSize;
    this.refuseUnparseable = refuseUnparseable;
    this.cache = new ConcurrentHashMap<>(Math.min(cacheSize, 1024) * 2);
  }

  /** The analysed form of {@code sql}, from the cache when it was seen before. */
  public Rewrite analyse(String sql) {
    Rewrite cached = cache.get(sql);
    if (cached != null) {
      return cached;
    }
    Rewrite fresh = analyseUncached(sql);
    if (cache.size() >= cacheSize) {
      evictSome();
    }
    cache.put(sql, fresh);
    return fresh;
  }

  /** Statements analysed and kept. */
  public int cachedStatements() {
    return cache.size();
  }

  /** The tables the analysis knows as tenant tables. */
  public TenantTables tables() {
    return tables;
  }

  private void evictSome() {
    // A quarter at a time keeps eviction rare; which ones matters little for a plan cache.
    int toRemove = Math.max(1, cacheSize / 4);
    Iterator<String> it = cache.keySet().iterator();
    while (toRemove-- > 0 && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  Rewrite analyseUncached(String sql) {
    Set<String> named = namedTenantTables(sql);
    if (named.isEmpty()) {
      return Rewrite.untouched(sql);
    }
    if (sql.indexOf(Rewrite.SLOT) >= 0) {
      throw new UnscopableStatementException("A statement on tenant table(s) " + named
          + " contains a NUL character, which PostgreSQL rejects: " + sql);
    }
    ScopeRewriter.Result first;
    try {
      first = ScopeRewriter.rewrite(MergeTranslation.translate(parse(sql), tables), tables, null);
    } catch (SeveralStatements e) {
      // readable, but only the first statement would be scoped: refused whatever refuseUnparseable says
      throw new UnscopableStatementException("Several statements in one string name tenant table(s) "
          + named + "; only single statements can be scoped to one tenant, so none was sent. Send the "
          + "statements one at a time: " + sql);
    } catch (ParseFailure e) {
      if (refuseUnparseable) {
        throw new UnscopableStatementException("Cannot parse a statement that names tenant table(s) "
            + named + ", so it cannot be scoped to one tenant and was not sent. Rewrite it in SQL the "
            + "parser reads, or run it in TenantContext.runCrossTenant(reason, ...) if it is meant "
            + "to span tenants. Statement: " + sql, e.getCause());
      }
      return Rewrite.untouched(sql);
    }
    if (first.tenantTables().isEmpty()) {
      return Rewrite.untouched(sql);
    }
    // A statement that already pins a table to tenant X must not get the predicate again when
    // rendered for X (idempotence), but must get it for any other tenant: one template per literal.
    Map<String, String[]> variants = new LinkedHashMap<>();
    for (String literal : first.presentLiterals()) {
      try {
        ScopeRewriter.Result variant = ScopeRewriter.rewrite(MergeTranslation.translate(parse(sql), tables), tables,
            literal);
        variants.put(literal, Rewrite.split(variant.sql()));
      } catch (ParseFailure e) {
        throw new IllegalStateException("Statement parsed once but not twice: " + sql, e);
      }
    }
    return new Rewrite(sql, first.tenantTables(), Rewrite.split(first.sql()), Map.copyOf(variants),
        List.copyOf(first.requiredLiterals()));
  }

  /**
   * Parses one statement on the calling thread: {@code CCJSqlParserUtil.parse} would hand every
   * statement to an executor thread to enforce a timeout. Like {@code parse}, it tries the fast
   * grammar first and the complex one only when that fails.
   */
  static Statement parse(String sql) throws ParseFailure {
    try {
      return parse(sql, false);
    } catch (ParseFailure simple) {
      if (simple instanceof SeveralStatements) {
        throw simple;
      }
      try {
        return parse(sql, true);
      } catch (ParseFailure complex) {
        complex.addSuppressed(simple);
        throw complex;
      }
    }
  }

  private static Statement parse(String sql, boolean complex) throws ParseFailure {
    try {
      CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
      Statement statement = parser.Statement();
      if (statement == null) {
        throw new ParseFailure(new IllegalArgumentException("empty statement"));
      }
      // The parser stops after one statement (taking one semicolon); nothing else may follow.
      boolean separated = parser.token != null && ";".equals(parser.token.image);
      Token next = parser.getNextToken();
      while (next != null && ";".equals(next.image)) {
        separated = true;
        next = parser.getNextToken();
      }
      if (next != null && next.kind != CCJSqlParserConstants.EOF) {
        if (separated) {
          throw new SeveralStatements();
        }
        throw new ParseFailure(new IllegalArgumentException("unexpected text after the statement: " + next.image));
      }
      return statement;
    } catch (ParseFailure e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      // JSqlParser reports lexical errors as unchecked exceptions, deep nesting as stack overflow
      throw new ParseFailure(e);
    }
  }

  /**
   * The tenant tables whose names occur in {@code sql} as identifiers: a cheap, conservative test
   * that lets statements on other tables skip parsing. String literals, dollar-quoted strings
   * and comments are skipped; an unquoted word matches in any case, a quoted one exactly.
   */
  Set<String> namedTenantTables(String sql) {
    Set<String> names = tables.names();
    Set<String> found = null;
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      String name = null;
      if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'' && !wordBefore(sql, i))) {
        i = skipString(sql, c == '\'' ? i : i + 1, c != '\'');
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = skipBlockComment(sql, i);
      } else if (c == '$' && !wordBefore(sql, i)) {
        i = skipDollarQuoted(sql, i);
      } else if (c == '"') {
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
        i = end + 1;
        name = names.contains(quoted.toString()) ? quoted.toString() : null;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
          i++;
        }
        String word = sql.substring(start, i);
        String lower = word.toLowerCase(Locale.ROOT);
        name = names.contains(lower) ? lower : names.contains(word) ? word : null;
      } else {
        i++;
      }
      if (name != null) {
        if (found == null) {
          found = new LinkedHashSet<>();
        }
        found.add(name);
      }
    }
    return found == null ? Set.of() : found;
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

  static class ParseFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ParseFailure(Throwable cause) {
      super(cause);
    }
  }

  /** The text holds a statement and more after a semicolon. */
  static final class SeveralStatements extends ParseFailure {
    private static final long serialVersionUID = 1L;

    SeveralStatements() {
      super(null);
    }
  }
}
