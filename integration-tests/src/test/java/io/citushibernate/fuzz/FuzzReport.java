package io.citushibernate.fuzz;

import io.citushibernate.fuzz.Differential.Result;
import io.citushibernate.fuzz.Differential.Verdict;
import io.citushibernate.fuzz.StatementGenerator.Generated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a fuzzing run saw: statements by verdict, refusals by reason, invalid statements by SQL
 * state, and how many distinct statement shapes (names and literals aside) it generated.
 */
final class FuzzReport {
  private final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
  private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
  /** The shortest statement refused (or not run by Citus) for each reason: what to look at first. */
  private final Map<String, String> refusedExamples = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, Integer> limitations = new ConcurrentHashMap<>();
  private final Set<String> shapes = new HashSet<>();
  private int statements;
  private int writes;

  synchronized void record(Generated statement, Result result) {
    statements++;
    writes += statement.writes() ? 1 : 0;
    verdicts.merge(result.verdict(), 1, Integer::sum);
    shapes.add(shape(statement.sql()));
    if (result.verdict() == Verdict.REFUSED) {
      String reason = withoutStatement(result.detail(), statement.sql());
      refusals.merge(reason, 1, Integer::sum);
      refusedExamples.merge(reason, statement.sql(), (a, b) -> a.length() <= b.length() ? a : b);
    } else if (result.verdict() == Verdict.CITUS_LIMITATION) {
      String reason = withoutStatement(result.detail(), statement.sql()).replaceAll("\"[^\"]*\"", "\"...\"")
          .replaceAll("\\d+", "N");
      limitations.merge(reason, 1, Integer::sum);
      refusedExamples.merge(reason, statement.sql(), (a, b) -> a.length() <= b.length() ? a : b);
    } else if (result.verdict() == Verdict.BOTH_FAILED) {
      failures.merge(withoutStatement(result.detail(), statement.sql()).replaceAll("\"[^\"]*\"", "\"...\"")
          .replaceAll("\\d+", "N"), 1, Integer::sum);
    }
  }

  /** A message without the statement it quotes (from where the statement starts), so messages group. */
  private static String withoutStatement(String message, String sql) {
    int at = sql.length() < 12 ? -1 : message.indexOf(sql.substring(0, 12));
    return at < 0 ? message : message.substring(0, at) + "<statement>";
  }

  /** A statement with its names, numbers and string literals blanked: its shape. */
  static String shape(String sql) {
    return sql.replaceAll("'([^']|'')*'", "''").replaceAll("\\b[twrm]\\d+\\b", "t").replaceAll("\\b\\d+\\b", "0");
  }

  synchronized double share(Verdict verdict) {
    return statements == 0 ? 1 : verdicts.getOrDefault(verdict, 0) / (double) statements;
  }

  synchronized String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append("statements: ").append(statements).append(" (").append(writes).append(" writing), distinct shapes: ")
        .append(shapes.size()).append('\n');
    verdicts.forEach((verdict, count) -> sb.append("  ").append(verdict).append(": ").append(count).append('\n'));
    sb.append("refusals by reason:\n");
    new TreeMap<>(refusals).forEach((reason, count) -> sb.append(String.format("  %6d  %s%n          e.g. %s%n", count,
        reason, refusedExamples.get(reason))));
    if (!limitations.isEmpty()) {
      sb.append("Citus limitations (R correct on PostgreSQL, not run by Citus) by reason:\n");
      new TreeMap<>(limitations).forEach((reason, count) -> sb.append(String.format("  %6d  %s%n          e.g. %s%n",
          count, reason, refusedExamples.get(reason))));
    }
    sb.append("invalid statements (S and R failed alike) by SQL state:\n");
    new TreeMap<>(failures).forEach((state, count) -> sb.append(String.format("  %6d  %s%n", count, state)));
    return sb.toString();
  }

  void write(String name) {
    try {
      Path file = Path.of("target", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, summary());
      System.out.println(summary());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
