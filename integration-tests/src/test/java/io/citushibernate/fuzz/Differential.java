package io.citushibernate.fuzz;

import io.citushibernate.CitusHibernateException;
import io.citushibernate.fuzz.FuzzSchema.Table;
import io.citushibernate.fuzz.StatementGenerator.Generated;
import io.citushibernate.internal.jdbc.TenantBinding;
import io.citushibernate.internal.jdbc.TenantBindingPlan;
import io.citushibernate.internal.sql.Rewrite;
import io.citushibernate.internal.sql.StatementRewriter;
import io.citushibernate.tenant.TenantType;
import io.citushibernate.tenant.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The oracle. For a statement S and tenant X: S runs unscoped on a database holding only X's rows
 * (the answer plain SQL gives when X is alone), and the library's rewrite R runs on the database
 * holding every tenant, once with X as a literal and once with X bound as a parameter through the
 * JDBC binding layer. Both must answer like S: the same rows (as a multiset), the same count of
 * affected rows, the same final state of X's rows and of the shared tables, and every other
 * tenant's rows unchanged. Each run is rolled back, so every statement meets the same data.
 */
final class Differential implements AutoCloseable {
  enum Verdict {
    /** R answered as S did. */
    AGREED,
    /** S failed on X's database and R failed too: an invalid statement. */
    BOTH_FAILED,
    /** The library refused S with one of its own exceptions, naming the reason. */
    REFUSED,
    /** R answered otherwise, or the library failed in a way that is not a refusal: a bug. */
    DIFFERENT,
    /** On Citus: R was not routed to a single shard (Citus refused it as a multi-task query). */
    NOT_ROUTED,
    /**
     * On Citus: R, correct on PostgreSQL (as the PostgreSQL run proves for the same generator), hit
     * something Citus does not support or reports otherwise; listed by Citus' reason.
     */
    CITUS_LIMITATION
  }

  record Result(Verdict verdict, String detail) {
  }

  /** What a run returned: rows or an update count, the tables' final state, or the SQL state it failed with. */
  private record Outcome(String error, String message, List<String> rows, int updateCount, Map<String, List<String>> state,
      CitusHibernateException refusal) {
    Outcome(String error, String message, List<String> rows, int updateCount, Map<String, List<String>> state) {
      this(error, message, rows, updateCount, state, null);
    }

    boolean sameAs(Outcome other) {
      if (error != null || other.error != null) {
        // which error comes first may depend on row order, which differs between the databases
        return error != null && other.error != null;
      }
      return Objects.equals(rows, other.rows) && updateCount == other.updateCount && Objects.equals(state, other.state);
    }

    @Override
    public String toString() {
      if (error != null) {
        return "failed " + error + ": " + message;
      }
      return (rows != null ? rows.size() + " rows " + abbreviate(rows) : updateCount + " rows affected")
          + (state == null ? "" : ", final state " + abbreviate(state.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }

    private static String abbreviate(List<String> items) {
      String text = items.toString();
      return text.length() > 600 ? text.substring(0, 600) + "...]" : text;
    }
  }

  private static final Rewrite.Parameterizer BINDING =
      (parts, checked) -> TenantBindingPlan.sql(parts, checked, TenantType.INTEGER);

  private final Connection all;
  private final Map<Integer, Connection> only;
  /** Whether {@link #all} is a Citus cluster refusing multi-task queries. */
  private final boolean citus;
  private final StatementRewriter rewriter = new StatementRewriter(FuzzSchema.tenantTables(), 100_000, true);
  /** Per tenant X, the rows of the other tenants, which no statement for X may change. */
  private final Map<Integer, Map<String, List<String>>> othersBefore = new HashMap<>();

  Differential(Connection all, Map<Integer, Connection> only, boolean citus) throws SQLException {
    this.all = all;
    this.only = only;
    this.citus = citus;
    for (int tenant : FuzzSchema.TENANTS) {
      othersBefore.put(tenant, othersRows(tenant));
    }
    all.rollback();
  }

  Result check(Generated s, int tenant) {
    String literal = TenantType.INTEGER.literal(tenant);
    String scopedSql;
    String checkedSql;
    String boundSql;
    try {
      Rewrite rewrite = rewriter.analyse(s.sql());
      scopedSql = rewrite.render(literal);
      // as the statement inspector sends them: with the JDBC layer's marker where it must check or bind
      checkedSql = BINDING.sql(new String[] {scopedSql}, rewrite.checkedParameters());
      boundSql = rewrite.renderParameterized(literal, BINDING);
    } catch (CitusHibernateException refused) {
      return new Result(Verdict.REFUSED, reason(refused));
    } catch (RuntimeException | StackOverflowError crash) {
      return new Result(Verdict.DIFFERENT, "the rewriter failed with " + crash + " on: " + s);
    }
    String again;
    try {
      again = rewriter.analyse(scopedSql).render(literal);
    } catch (RuntimeException | StackOverflowError e) {
      return new Result(Verdict.DIFFERENT, "rewriting the rewrite failed with " + e + "\nS: " + s + "\nR: " + scopedSql);
    }
    if (!again.equals(scopedSql)) {
      return new Result(Verdict.DIFFERENT, "the rewrite is not idempotent\nS:  " + s + "\nR:  " + scopedSql
          + "\nR': " + again);
    }
    Outcome expected = run(only.get(tenant), s, s.sql(), tenant, true);
    Outcome scoped;
    Outcome bound;
    try {
      scoped = TenantContext.call(tenant, () -> runRefusable(s, checkedSql, tenant));
      bound = TenantContext.call(tenant, () -> runRefusable(s, boundSql, tenant));
    } catch (Exception e) {
      return new Result(Verdict.DIFFERENT, "the JDBC layer failed with " + e + "\nS: " + s + "\nR: " + checkedSql);
    }
    if (scoped.refusal() != null || bound.refusal() != null) {
      // refused as the application binds its parameters: a tenant column bound to another tenant
      return scoped.refusal() != null && bound.refusal() != null ? new Result(Verdict.REFUSED, reason(scoped.refusal()))
          : new Result(Verdict.DIFFERENT, "one tenant form was refused, the other not: " + scoped.refusal() + " / "
              + bound.refusal() + "\nS: " + s + "\nR (literal): " + checkedSql + "\nR (parameter): " + boundSql);
    }
    String statements = "\nS (on tenant " + tenant + "'s own database): " + s + "\nR (literal):   " + checkedSql
        + "\nR (parameter): " + boundSql;
    if (citus && (multiTask(scoped) || multiTask(bound))) {
      return new Result(Verdict.NOT_ROUTED, "R was not routed to one shard" + statements + "\nliteral: " + scoped
          + "\nparameter: " + bound);
    }
    if (citus && expected.error() == null && scoped.error() != null) {
      // Does Citus fail on the statement as written too (run across shards), or only on the rewrite?
      String unscoped = citusErrorUnscoped(s);
      String reason = scoped.error() + " " + firstLine(scoped.message());
      return new Result(Verdict.CITUS_LIMITATION, unscoped != null && unscoped.equals(firstLine(scoped.message()))
          ? "unscoped alike: " + reason : "rewrite only: " + reason + (unscoped == null ? "" : " (unscoped: " + unscoped + ")"));
    }
    if (citus && expected.error() == null && scoped.error() == null && expected.updateCount() != scoped.updateCount()
        && Objects.equals(expected.rows(), scoped.rows()) && Objects.equals(expected.state(), scoped.state())) {
      // INSERT ... SELECT ... ON CONFLICT through the coordinator counts the rows it selected
      return new Result(Verdict.CITUS_LIMITATION, "affected-row count differs, rows and final state equal: "
          + firstLine(s.sql().length() > 40 ? s.sql().substring(0, 40) : s.sql()).replaceAll("\\d+", "N") + "...");
    }
    if (!scoped.sameAs(expected)) {
      return new Result(Verdict.DIFFERENT, "R answered otherwise than S" + statements
          + "\nS gave: " + expected + "\nR gave: " + scoped);
    }
    if (!bound.sameAs(scoped)) {
      return new Result(Verdict.DIFFERENT, "the tenant as a parameter answered otherwise than as a literal" + statements
          + "\nliteral:   " + scoped + "\nparameter: " + bound);
    }
    return expected.error() == null ? new Result(Verdict.AGREED, null)
        : new Result(Verdict.BOTH_FAILED, expected.error() + " " + firstLine(expected.message()));
  }

  /** What Citus made of a statement run with multi-shard statements refused. */
  enum CitusRouting { ROUTED, MULTI_SHARD, FAILED }

  /** Runs {@code sql} on the Citus cluster, rolled back, and tells whether Citus routed it to one shard. */
  CitusRouting routingOnCitus(String sql, List<Object> parameters) {
    try (PreparedStatement statement = all.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      statement.execute();
      return CitusRouting.ROUTED;
    } catch (SQLException e) {
      return e.getMessage() != null && e.getMessage().contains("multi-task query") ? CitusRouting.MULTI_SHARD
          : CitusRouting.FAILED;
    } finally {
      try {
        all.rollback();
      } catch (SQLException e) {
        throw new IllegalStateException("rollback failed", e);
      }
    }
  }

  /** The first line of Citus' error on {@code s} run unscoped across shards, or {@code null} when it runs. */
  private String citusErrorUnscoped(Generated s) {
    try {
      allowMultiTask(all);
      try (PreparedStatement statement = all.prepareStatement(s.sql())) {
        for (int i = 0; i < s.parameters().size(); i++) {
          statement.setObject(i + 1, s.parameters().get(i));
        }
        statement.execute();
        return null;
      }
    } catch (SQLException e) {
      return firstLine(e.getMessage());
    } finally {
      try {
        all.rollback();
      } catch (SQLException e) {
        throw new IllegalStateException("rollback failed", e);
      }
    }
  }

  private static boolean multiTask(Outcome outcome) {
    return outcome.error() != null && outcome.message() != null && outcome.message().contains("multi-task query");
  }

  /** The refusal's reason without the statement it quotes, so refusals group by reason. */
  private static String reason(CitusHibernateException refused) {
    String message = refused.getMessage();
    int statement = message.indexOf("Statement: ");
    String reason = (statement > 0 ? message.substring(0, statement) : message).replaceAll("\\[[^]]*]", "[...]");
    int sentence = reason.indexOf(". ");
    reason = refused.getClass().getSimpleName() + ": " + (sentence > 0 ? reason.substring(0, sentence + 1) : reason);
    Throwable cause = refused.getCause();
    if (cause != null && cause.getMessage() != null) {
      reason += " / " + firstLine(cause.getMessage()).replaceAll("at line \\d+, column \\d+", "at ...")
          .replaceAll("\\s+", " ");
    }
    return reason.length() > 240 ? reason.substring(0, 240) : reason;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** R run on the shared database through the JDBC binding layer, which may refuse what is bound. */
  private Outcome runRefusable(Generated s, String sql, int tenant) {
    try {
      return run(TenantBinding.wrap(all), s, sql, tenant, false);
    } catch (CitusHibernateException refused) {
      return new Outcome(null, null, null, -1, null, refused);
    }
  }

  private Outcome run(Connection connection, Generated s, String sql, int tenant, boolean copy) {
    Connection raw = TenantBinding.unwrap(connection);
    try {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        List<Object> parameters = s.parameters();
        for (int i = 0; i < parameters.size(); i++) {
          statement.setObject(i + 1, parameters.get(i));
        }
        List<String> rows = null;
        int count = -1;
        if (statement.execute()) {
          try (ResultSet rs = statement.getResultSet()) {
            rows = rows(rs);
          }
        } else {
          count = statement.getUpdateCount();
        }
        Map<String, List<String>> state = null;
        if (s.writes()) {
          allowMultiTask(raw);
          state = state(raw, tenant, copy);
          if (!copy && !othersRows(tenant).equals(othersBefore.get(tenant))) {
            return new Outcome("LEAK", "another tenant's rows changed", rows, count, state);
          }
        }
        return new Outcome(null, null, rows, count, state);
      }
    } catch (SQLException e) {
      return new Outcome(e.getSQLState(), e.getMessage(), null, -1, null);
    } finally {
      try {
        raw.rollback();
      } catch (SQLException e) {
        throw new IllegalStateException("rollback failed", e);
      }
    }
  }

  /** Lets the checks read across shards, until the transaction ends. */
  private void allowMultiTask(Connection connection) throws SQLException {
    if (citus && connection == TenantBinding.unwrap(all)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("set local citus.multi_task_query_log_level = 'off'");
      }
    }
  }

  /** X's rows of every tenant table and the shared tables' rows. */
  private static Map<String, List<String>> state(Connection connection, int tenant, boolean copy) throws SQLException {
    Map<String, List<String>> state = new LinkedHashMap<>();
    for (Table table : FuzzSchema.TABLES) {
      String where = table.isTenant() && !copy ? " where " + table.tenantColumn() + " = " + tenant : "";
      state.put(table.ref(), query(connection, "select * from " + table.ref() + where));
    }
    return state;
  }

  private Map<String, List<String>> othersRows(int tenant) throws SQLException {
    allowMultiTask(TenantBinding.unwrap(all));
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (Table table : FuzzSchema.TABLES) {
      if (table.isTenant()) {
        rows.put(table.ref(), query(TenantBinding.unwrap(all),
            "select * from " + table.ref() + " where " + table.tenantColumn() + " <> " + tenant));
      }
    }
    return rows;
  }

  private static List<String> query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return rows(rs);
    }
  }

  /** The rows as text, sorted: a multiset. */
  private static List<String> rows(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    List<String> rows = new ArrayList<>();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        row.append(i > 1 ? "|" : "").append(rs.getString(i));
      }
      rows.add(row.toString());
    }
    rows.sort(null);
    return rows;
  }

  @Override
  public void close() throws SQLException {
    all.close();
    for (Connection connection : only.values()) {
      connection.close();
    }
  }
}
