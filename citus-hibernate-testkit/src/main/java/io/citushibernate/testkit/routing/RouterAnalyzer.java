package io.citushibernate.testkit.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.citushibernate.internal.sql.SqlWords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * Applies the rules of Citus' router planner to a statement, independently of the statement
 * rewriter: a statement goes to one shard when every distributed table in it is pinned to the
 * same distribution column value.
 *
 * <p>A table is pinned by an equality of its distribution column with a constant or a bound
 * parameter, or through a chain of equalities with pinned columns, as far as PostgreSQL derives
 * them before Citus prunes shards ({@link StatementWalker} has the rules). Subqueries PostgreSQL
 * plans on its own are pinned only by their own constants: Citus runs them as separate multi-shard
 * subplans otherwise. {@code IN} lists and {@code OR}s of several values, and tables pinned to
 * different values, span several shards. Reference tables are free; local tables in a statement on
 * distributed tables are reported.
 *
 * <p>Where it is stricter than Citus: Citus checks {@code citus.multi_task_query_log_level} per
 * (sub)plan, so it runs a statement it splits into several single-shard subplans (set operations,
 * recursively planned subqueries and CTEs, {@code INSERT ... SELECT} through the coordinator) and a
 * multi-row {@code INSERT} even when they reach different tenants; the analyzer refuses them. It
 * also does not fold constant expressions ({@code company_id = 1 + 0}).
 *
 * <p>Each statement goes through three steps: the {@link StatementWalker} reads it into an
 * equality graph, the {@link PinSolver} decides which tables that graph pins to one tenant, and
 * {@link Verdict} sums up.
 */
public final class RouterAnalyzer {
  private static final Set<String> QUERY_WORDS = Set.of("select", "insert", "update", "delete", "with", "values",
      "merge", "table");
  private static final int PARSED_STATEMENTS_KEPT = 2048;

  /** A statement's parse: the statements, or why there are none. */
  private record Parsed(Statements statements, String failure) {
  }

  private final Catalog catalog;
  private final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumSize(PARSED_STATEMENTS_KEPT).build();

  /** An analyzer of statements on the tables of {@code catalog}. */
  public RouterAnalyzer(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The tables it knows. */
  public Catalog catalog() {
    return catalog;
  }

  /** The verdict on {@code sql} run with {@code parameters} (1-based JDBC indexes; may be empty). */
  public Verdict analyze(String sql, Map<Integer, Object> parameters) {
    Parsed p = parsed.get(sql, RouterAnalyzer::parse);
    if (p.failure() != null) {
      List<SqlWords.Word> words = SqlWords.words(sql);
      Set<String> named = namedDistributedTables(words);
      if (named.isEmpty() || !QUERY_WORDS.contains(words.get(0).text().toLowerCase(Locale.ROOT))) {
        return Verdict.notAQuery();
      }
      return new Verdict(Verdict.Kind.UNPARSEABLE, null, named, false,
          List.of("the statement names distributed table(s) " + named + " but cannot be parsed (" + p.failure()
              + "), so its routing cannot be proven"));
    }
    Statements statements = p.statements();
    if (statements.size() == 1) {
      return analyze(statements.get(0), parameters);
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (Statement s : statements) {
      verdicts.add(analyze(s, parameters));
    }
    return Verdict.combine(verdicts);
  }

  private Verdict analyze(Statement statement, Map<Integer, Object> parameters) {
    return StatementWalker.walk(statement, catalog, parameters)
        .map(walk -> Verdict.judge(walk, PinSolver.solve(walk)))
        .orElseGet(Verdict::notAQuery);
  }

  private static Parsed parse(String sql) {
    try {
      return new Parsed(CCJSqlParserUtil.parseStatements(sql), null);
    } catch (JSQLParserException | RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      int nl = message.indexOf('\n');
      return new Parsed(null, nl > 0 ? message.substring(0, nl) : message);
    }
  }

  /**
   * The distributed tables {@code words} name, read with the library's own lexer (literals and
   * comments skipped). A schema-qualified table counts when its table name is named.
   */
  private Set<String> namedDistributedTables(List<SqlWords.Word> words) {
    Set<String> names = new HashSet<>();
    for (SqlWords.Word word : words) {
      names.add(word.quoted() ? word.text() : word.text().toLowerCase(Locale.ROOT));
    }
    Set<String> named = new TreeSet<>();
    for (String table : catalog.distributed().keySet()) {
      if (names.contains(table.substring(table.lastIndexOf('.') + 1))) {
        named.add(table);
      }
    }
    return named;
  }
}
