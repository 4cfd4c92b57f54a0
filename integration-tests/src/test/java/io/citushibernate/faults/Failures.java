package io.citushibernate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.citushibernate.faults.FaultBench.Outcome;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What an exception tells the application about a fault, and the check that it tells it plainly. */
final class Failures {
  private Failures() {
  }

  /** The first SQLException in the chain: the driver's or the database's own words. */
  static SQLException databaseError(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof SQLException e) {
        return e;
      }
    }
    return null;
  }

  /** The exception in one line: its type and first line, then the SQLException's state and first line. */
  static String describe(Throwable thrown) {
    SQLException sql = databaseError(thrown);
    String outer = thrown.getClass().getName() + ": " + firstLine(thrown.getMessage());
    return sql == null || sql == thrown ? outer
        : outer + " <- " + sql.getClass().getSimpleName() + " [" + sql.getSQLState() + "] "
            + firstLine(sql.getMessage());
  }

  /**
   * Asserts that {@code thrown} says a connection failed: an SQLException in its chain of SQL state
   * class 08 (connection exception) or 57P (the server shut down or is starting), or whose message
   * says one of {@code phrases} (Citus names the worker it lost, {@code host:port}, or says it
   * could not commit on a node). A wrong or empty result would not pass, nor would an exception
   * that says nothing of the connection.
   */
  static void assertConnectionFailure(Throwable thrown, String... phrases) {
    assertThat(thrown).as("the application gets an exception").isNotNull();
    SQLException sql = databaseError(thrown);
    assertThat(sql != null).as("an SQLException in the chain of %s", describe(thrown)).isTrue();
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
    boolean connectionState = state.startsWith("08") || state.startsWith("57P");
    boolean saysSo = Arrays.stream(phrases).anyMatch(message::contains);
    assertThat(connectionState || saysSo)
        .as("a connection failure, or a message saying one of %s, but got %s", Arrays.toString(phrases),
            describe(thrown))
        .isTrue();
  }

  /** The exceptions of {@code failed}, each once, with how often and in which phase. */
  static String distinct(List<Outcome> failed) {
    Map<String, Long> seen = new TreeMap<>();
    failed.forEach(o -> seen.merge(describe(o.failure()) + " (in " + o.phase() + ")", 1L, Long::sum));
    StringBuilder sb = new StringBuilder();
    seen.forEach((what, count) -> sb.append("\n    ").append(count).append(" x ").append(what));
    return sb.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).trim();
  }
}
