package io.citushibernate.benchmarks;

import io.citushibernate.internal.sql.StatementRewriter;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the cost of scoping one statement grows with the number of joined tenant tables: a
 * generated chain of {@code tables} joins ({@link Statements#joinChain}), first seen (parsed by a
 * new rewriter) and cached (lookup and render). Run with {@code -prof gc} for allocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
public class JoinScalingBenchmark {
  /** Tenant tables joined. */
  @Param({"1", "2", "4", "8", "16"})
  public int tables;

  private String sql;
  private StatementRewriter rewriter;
  private final String[] literals = new String[1024];
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    sql = Statements.joinChain(tables);
    rewriter = new StatementRewriter(Statements.TABLES, 4096, true);
    rewriter.analyse(sql);
    for (int i = 0; i < literals.length; i++) {
      literals[i] = Integer.toString(i + 1);
    }
  }

  /** The chain, seen before. */
  @Benchmark
  public String cached() {
    return rewriter.analyse(sql).render(literals[next++ & 1023]);
  }

  /** The chain, never seen. */
  @Benchmark
  public String firstSeen() {
    return new StatementRewriter(Statements.TABLES, 1, true).analyse(sql).render(literals[next++ & 1023]);
  }
}
