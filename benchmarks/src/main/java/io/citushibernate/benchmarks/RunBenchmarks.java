package io.citushibernate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark jar's entry point. Without arguments (or with {@code --quick} / {@code --out DIR})
 * it runs the whole suite and writes {@code RESULTS.md} and JMH's JSON results; with any other
 * arguments it is JMH's own command line ({@code -h}, {@code -l}, a benchmark regex, {@code -p},
 * {@code -prof gc}, ...).
 *
 * <p>The suite, in order:
 * <ol>
 *   <li>{@link RewriteBenchmark} and {@link JoinScalingBenchmark}, with the GC profiler;
 *   <li>{@link PairedEndToEndBenchmark}: citus-hibernate and a baseline at once, at 10, 1,000 and
 *       100,000 tenants (the headline ratio); the baselines are {@code hibernate} on embedded
 *       PostgreSQL and {@code hibernate}, {@code tenant_id}, {@code jdbc} and {@code unscoped} on
 *       Citus, or those of {@code --baselines a,b}; on Citus with {@link CitusCounters} per side;
 *   <li>{@link CachePressureBenchmark}: the rewrite cache at 2 and 10 times its size;
 *   <li>{@link EndToEndBenchmark#request()} for every variant, one after the other, at 1,000 tenants;
 *   <li>the single operations of {@link EndToEndBenchmark} for citus, hibernate and jdbc at 1,000 tenants,
 *       shorter (2 warmup and 3 measurement iterations of 3 s);
 *   <li>{@link ClientCpu}: the client's CPU and allocation per request, citus, hibernate, tenant_id and jdbc interleaved;
 *   <li>{@link CacheFootprint} at the default cache size and {@link ShowSql}'s statements.
 * </ol>
 * The target database is embedded PostgreSQL, or Citus when {@code CITUS_TEST_URL} or
 * {@code CITUS_PG_BIN} is set ({@link DatabaseTarget}).
 * A full run on embedded PostgreSQL takes about 65 minutes on 2 cores (Hibernate needs two to four minutes of warm-up
 * per trial there). {@code --quick} (1 warmup, 2 short iterations, 10 and 1,000 tenants) checks that
 * everything works in 10 to 15 minutes; its numbers are only indicative.
 */
public final class RunBenchmarks {
  static final String OPERATIONS = "findById|listCampaigns|campaignStats|updateBudget|insertClick|lazyAds";
  /** The variants of the single-operation runs: the literal-tenant pair is covered by {@code request}. */
  static final String[] OPERATION_VARIANTS = {"citus", "hibernate", "jdbc"};

  private RunBenchmarks() {
  }

  public static void main(String[] args) throws RunnerException, IOException {
    boolean quick = false;
    String[] baselines = null;
    Path out = defaultOut();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        quick = true;
      } else if (args[i].equals("--out") && i + 1 < args.length) {
        out = Paths.get(args[++i]);
      } else if (args[i].equals("--baselines") && i + 1 < args.length) {
        baselines = args[++i].split(",");
        Arrays.stream(baselines).forEach(Variant::of);
      } else {
        org.openjdk.jmh.Main.main(args);
        return;
      }
    }
    Files.createDirectories(out);
    boolean citus = DatabaseTarget.selected().equals("citus");
    if (baselines == null) {
      baselines = citus ? new String[] {"hibernate", "tenant_id", "jdbc", "unscoped"} : new String[] {"hibernate"};
    }
    Path countersFile = out.resolve("citus-counters.jsonl");
    Path hitRatesFile = out.resolve("cache-hit-rates.jsonl");
    Files.deleteIfExists(countersFile);
    Files.deleteIfExists(hitRatesFile);
    // JMH's forks report these figures through files; the target is fixed for every fork of the run
    String[] forkProperties = {"-D" + DatabaseTarget.PROPERTY + "=" + DatabaseTarget.selected(),
        "-D" + PairedEndToEndBenchmark.COUNTED_REQUESTS_PROPERTY + "=" + (quick ? 200 : PairedEndToEndBenchmark.COUNTED_REQUESTS),
        "-D" + CitusCounters.FILE_PROPERTY + "=" + countersFile.toAbsolutePath(),
        "-D" + CachePressureBenchmark.FILE_PROPERTY + "=" + hitRatesFile.toAbsolutePath()};
    String command = "java -jar benchmarks/target/benchmarks.jar" + (args.length == 0 ? "" : " " + String.join(" ", args));
    long started = System.nanoTime();

    List<RunResult> rewrite = run(base(quick, false, out.resolve("jmh-rewrite.json"))
        .include(RewriteBenchmark.class.getName() + "\\.")
        .include(JoinScalingBenchmark.class.getName() + "\\."));

    String[] tenantCounts = quick ? new String[] {"10", "1000"} : new String[] {"10", "1000", "100000"};
    List<RunResult> paired = run(base(quick, true, out.resolve("jmh-end-to-end-paired.json"))
        .jvmArgsPrepend(forkProperties)
        .include(PairedEndToEndBenchmark.class.getName() + "\\.")
        .param("tenants", tenantCounts)
        .param("baseline", baselines));

    List<RunResult> cachePressure = run(base(quick, true, out.resolve("jmh-cache-pressure.json"))
        .jvmArgsPrepend(forkProperties)
        .include(CachePressureBenchmark.class.getName() + "\\."));

    List<RunResult> requests = run(base(quick, true, out.resolve("jmh-end-to-end.json"))
        .jvmArgsPrepend(forkProperties)
        .include(EndToEndBenchmark.class.getName() + "\\.request$")
        .param("tenants", "1000"));

    ChainedOptionsBuilder ops = base(quick, true, out.resolve("jmh-operations.json"))
        .jvmArgsPrepend(forkProperties)
        .include(EndToEndBenchmark.class.getName() + "\\.(" + OPERATIONS + ")$")
        .param("tenants", "1000")
        .param("variant", OPERATION_VARIANTS);
    if (!quick) {
      ops.warmupIterations(2).warmupTime(TimeValue.seconds(3))
          .measurementIterations(3).measurementTime(TimeValue.seconds(3));
    }
    List<RunResult> operations = run(ops);

    List<ClientCpu.Measurement> clientCpu = ClientCpu.measure(
        List.of(Variant.CITUS, Variant.HIBERNATE, Variant.TENANT_ID, Variant.JDBC),
        1000, quick ? 4 : 16, quick ? 500 : 3000, false);
    CacheFootprint.Footprint footprint = CacheFootprint.measure(CacheFootprint.DEFAULT_SIZE);
    Map<String, Map<String, List<String>>> sql = ShowSql.capture();
    String postgres;
    try (AdAnalyticsDatabase db = AdAnalyticsDatabase.start(1)) {
      postgres = db.describe();
    }
    long minutes = Math.round((System.nanoTime() - started) / 60e9);

    Report report = new Report(quick, command, postgres, minutes, rewrite, requests, paired, operations, clientCpu,
        footprint, sql, new Report.Extras(cachePressure,
            ForkResults.readAll(hitRatesFile, CachePressureBenchmark.HitRate.class),
            ForkResults.readAll(countersFile, CitusCounters.Measurement.class)));
    Path file = out.resolve("RESULTS.md");
    Files.writeString(file, report.markdown());
    System.out.println();
    System.out.println(report.summary());
    System.out.println("Results written to " + file.toAbsolutePath());
  }

  private static ChainedOptionsBuilder base(boolean quick, boolean endToEnd, Path json) {
    ChainedOptionsBuilder b = new OptionsBuilder()
        .addProfiler(GCProfiler.class)
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString())
        .shouldFailOnError(true);
    if (quick) {
      b.forks(1).warmupIterations(1).measurementIterations(2)
          .warmupTime(TimeValue.seconds(endToEnd ? 2 : 1))
          .measurementTime(TimeValue.seconds(endToEnd ? 2 : 1));
    }
    return b;
  }

  private static List<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
    Collection<RunResult> results = new Runner(options.build()).run();
    return new ArrayList<>(results);
  }

  /** Where results go without {@code --out}: {@code benchmarks/results} from the repository root, else {@code results}. */
  static Path defaultOut() {
    return Files.isDirectory(Paths.get("benchmarks")) ? Paths.get("benchmarks", "results") : Paths.get("results");
  }

  static String now() {
    return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT));
  }
}
