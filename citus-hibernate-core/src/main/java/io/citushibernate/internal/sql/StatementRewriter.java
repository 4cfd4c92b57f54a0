package io.citushibernate.internal.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.citushibernate.CitusHibernateException;
import io.citushibernate.InvalidTenantException;
import io.citushibernate.MissingTenantException;
import io.citushibernate.TenantMismatchException;
import io.citushibernate.internal.mapping.TenantTables;
import io.citushibernate.UnscopableStatementException;
import io.citushibernate.internal.metrics.Refusal;
import io.citushibernate.internal.metrics.StatementMetrics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * bounded by Caffeine's size policy (W-TinyLFU), which keeps the statements an application runs
 * often when more distinct statements pass through than it holds.
 */
public final class StatementRewriter {
  private final TenantTables tables;
  private final boolean refuseUnparseable;
  private final ParseLimits limits;
  private final Cache<String, Rewrite> cache;
  private final StatementMetrics metrics;

  /**
   * @param tables the unit's tenant tables
   * @param cacheSize how many distinct statements to keep analysed
   * @param refuseUnparseable whether SQL the parser cannot read is refused when it names a tenant
   *     table ({@code true}, fail closed) or sent as it is
   */
  public StatementRewriter(TenantTables tables, int cacheSize, boolean refuseUnparseable) {
    this(tables, cacheSize, refuseUnparseable, ParseLimits.DEFAULT);
  }

  /**
   * @param limits the longest and deepest statement on tenant tables that is parsed; longer or
   *     deeper ones are refused
   */
  public StatementRewriter(TenantTables tables, int cacheSize, boolean refuseUnparseable, ParseLimits limits) {
    this(tables, cacheSize, refuseUnparseable, limits, StatementMetrics.NONE);
  }

  /**
   * @param metrics where cache gets, evictions, size and the time of first analyses are recorded
   */
  public StatementRewriter(TenantTables tables, int cacheSize, boolean refuseUnparseable, ParseLimits limits,
      StatementMetrics metrics) {
    if (cacheSize < 1) {
      throw new IllegalArgumentException("cacheSize must be positive: " + cacheSize);
    }
    this.tables = tables;
    this.refuseUnparseable = refuseUnparseable;
    this.limits = limits;
    this.metrics = metrics;
    // Maintenance on the calling thread: eviction is then as prompt as the old bounded map's, and
    // no pool thread is borrowed from the application.
    this.cache = Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run)
        .<String, Rewrite>evictionListener((sql, rewrite, cause) -> metrics.cacheEviction()).build();
    metrics.cacheSize(cache::estimatedSize);
  }

  /** The analysed form of {@code sql}, from the cache when it was seen before. */
  public Rewrite analyse(String sql) {
    Rewrite cached = cache.getIfPresent(sql);
    if (cached != null) {
      metrics.cacheHit();
      return cached;
    }
    metrics.cacheMiss();
    // Parsed outside the cache's lock: a concurrent first sight of the same text parses twice,
    // which is cheaper than making every other statement wait on a parse.
    long start = System.nanoTime();
    Rewrite fresh = analyseUncached(sql);
    metrics.analysed(System.nanoTime() - start);
    cache.put(sql, fresh);
    return fresh;
  }

  /**
   * Why {@code refusal}, raised for a statement by this rewriter, its rendering or the caller's
   * tenant checks, refused it. Of the rewriter's own refusals only unparseable statements carry a
   * cause other than {@link ParseLimits.Exceeded}: the parser's exception, naming where it stopped.
   */
  public static Refusal refusalOf(CitusHibernateException refusal) {
    if (refusal instanceof MissingTenantException) {
      return Refusal.MISSING_TENANT;
    }
    if (refusal instanceof InvalidTenantException) {
      return Refusal.INVALID_TENANT;
    }
    if (refusal instanceof TenantMismatchException) {
      return Refusal.TENANT_MISMATCH;
    }
    if (refusal instanceof UnscopableStatementException) {
      return refusal.getCause() instanceof ParseLimits.Exceeded ? Refusal.TOO_LARGE
          : refusal.getCause() != null ? Refusal.UNPARSEABLE : Refusal.UNSCOPABLE;
    }
    return Refusal.OTHER;
  }

  /** Statements analysed and kept. */
  public int cachedStatements() {
    cache.cleanUp();
    return Math.toIntExact(cache.estimatedSize());
  }

  /** The tables the analysis knows as tenant tables. */
  public TenantTables tables() {
    return tables;
  }

  Rewrite analyseUncached(String sql) {
    Lexed lexed = lex(sql);
    Set<String> named = lexed.tenantTables();
    if (named.isEmpty()) {
      return Rewrite.untouched(sql);
    }
    if (sql.length() > limits.maxLength()) {
      throw new UnscopableStatementException("A statement on tenant table(s) " + named + " is " + sql.length()
          + " characters long, more than the " + limits.maxLength() + " the parser is given (setting "
          + "citus.hibernate.max_statement_length), so it was not sent. Send it in smaller statements (a long IN "
          + "list can be one array parameter: = ANY(?)), or raise the setting. Statement begins: "
          + sql.substring(0, Math.min(sql.length(), 200)),
          new ParseLimits.Exceeded("length", sql.length(), limits.maxLength()));
    }
    if (lexed.nesting() > limits.maxNesting()) {
      throw new UnscopableStatementException("A statement on tenant table(s) " + named + " nests parentheses or CASE "
          + lexed.nesting() + " levels deep, more than the " + limits.maxNesting() + " the parser is given (setting "
          + "citus.hibernate.max_statement_nesting), so it was not sent. Flatten it, or raise the setting. Statement "
          + "begins: " + sql.substring(0, Math.min(sql.length(), 200)),
          new ParseLimits.Exceeded("nesting", lexed.nesting(), limits.maxNesting()));
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
            + "parser reads (the cause names the place it stopped). Statement: " + sql, e.getCause());
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
        List.copyOf(first.requiredLiterals()), Rewrite.checkedPositions(first.sql()));
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
        // the same statement in words JSqlParser reads: keyword-named columns quoted, and escaped
        // quotes in E-strings doubled
        String readable = KeywordColumns.quote(SqlWords.withoutBackslashQuotes(sql));
        if (readable.equals(sql)) {
          throw complex;
        }
        try {
          return parse(readable, true);
        } catch (ParseFailure again) {
          throw complex;
        }
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

  /** What the lexer found in a statement before it is parsed. */
  record Lexed(Set<String> tenantTables, int nesting) {
  }

  /**
   * The tenant tables whose names occur in {@code sql} as identifiers (a cheap, conservative test
   * that lets statements on other tables skip parsing: an unquoted word matches in any case, a
   * quoted one exactly), and how deep parentheses and CASE expressions nest.
   */
  Lexed lex(String sql) {
    Set<String> names = tables.names();
    Set<String> found = new LinkedHashSet<>();
    int[] depth = new int[3]; // parentheses, CASE, deepest
    SqlWords.scan(sql, new SqlWords.Visitor() {
      @Override
      public void word(int start, int end, String word, boolean quoted) {
        String lower = quoted ? null : word.toLowerCase(Locale.ROOT);
        String name = quoted ? (names.contains(word) ? word : null)
            : names.contains(lower) ? lower : names.contains(word) ? word : null;
        if (name != null) {
          found.add(name);
        } else if ("case".equals(lower)) {
          depth[1]++;
          depth[2] = Math.max(depth[2], depth[0] + depth[1]);
        } else if ("end".equals(lower) && depth[1] > 0) {
          depth[1]--;
        }
      }

      @Override
      public void parenthesis(int index, boolean open) {
        depth[0] += open ? 1 : -1;
        depth[2] = Math.max(depth[2], depth[0] + depth[1]);
      }
    });
    return new Lexed(found.isEmpty() ? Set.of() : found, depth[2]);
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
