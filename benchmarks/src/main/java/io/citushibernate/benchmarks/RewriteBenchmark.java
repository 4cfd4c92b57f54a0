package io.citushibernate.benchmarks;

import io.citushibernate.internal.sql.StatementRewriter;
import io.citushibernate.tenant.TenantType;
import io.citushibernate.tenant.TenantContext;
import io.citushibernate.tenant.TenantScope;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of scoping one statement, on the ladder of real Hibernate SQL in {@link Statements}
 * (no database). Run with {@code -prof gc} for the allocation per call ({@code gc.alloc.rate.norm}).
 *
 * <ul>
 *   <li>{@link #cached}: the statement was seen before: a cache lookup and the assembly of the
 *       scoped SQL for one of 1,000 tenant literals. Target: at most 1 µs.
 *   <li>{@link #cachedInspector}: the same plus what the statement inspector does per statement
 *       around it: read the tenant from {@link TenantContext} and print it as a literal.
 *   <li>{@link #firstSeen}: the statement was never seen: a new rewriter per invocation parses
 *       it with JSqlParser, adds the predicates and builds the template. Target: at most 50 µs
 *       for the five-table join.
 *   <li>{@link #parseOnly}: JSqlParser's parse of the statement alone, with the grammar the
 *       rewriter tries first: the floor under {@code firstSeen} for any rewrite built on it.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class RewriteBenchmark {
  /** A statement of {@link Statements#LADDER}. */
  @Param({"load", "join2", "join3", "join5", "subquery", "bulkUpdate"})
  public String statement;

  private String sql;
  private StatementRewriter rewriter;
  private final String[] literals = new String[1024];
  private final Long[] tenants = new Long[1024];
  private int next;
  private TenantScope scope;

  @Setup(Level.Trial)
  public void setUp() {
    sql = Statements.LADDER.get(statement);
    rewriter = new StatementRewriter(Statements.TABLES, 4096, true);
    rewriter.analyse(sql);
    for (int i = 0; i < literals.length; i++) {
      tenants[i] = 1L + i;
      literals[i] = TenantType.LONG.literal(tenants[i]);
    }
  }

  @Setup(Level.Iteration)
  public void openTenant() {
    scope = TenantContext.open(42L);
  }

  @TearDown(Level.Iteration)
  public void closeTenant() {
    scope.close();
  }

  /** A statement seen before, rendered for the next of 1,024 tenant literals. */
  @Benchmark
  public String cached() {
    return rewriter.analyse(sql).render(literals[next++ & 1023]);
  }

  /** {@link #cached} with the inspector's per-statement work: current tenant, printed as a literal. */
  @Benchmark
  public String cachedInspector() {
    Object tenant = TenantContext.current().orElseThrow();
    return rewriter.analyse(sql).render(TenantType.LONG.literal(tenant));
  }

  /** A statement never seen: parsed, scoped and templated by a new rewriter, then rendered. */
  @Benchmark
  public Statement parseOnly() throws ParseException {
    return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statement();
  }

  @Benchmark
  public String firstSeen() {
    return new StatementRewriter(Statements.TABLES, 1, true).analyse(sql).render(literals[next++ & 1023]);
  }
}
