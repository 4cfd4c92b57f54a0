package io.citushibernate.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;

/** Turns the suite's JMH results into {@code RESULTS.md}: targets, tables, ratios, environment. */
final class Report {
  private static final String[] LADDER = {"load", "join2", "join3", "join5", "subquery", "bulkUpdate"};
  private static final String[] VARIANTS = {"citus", "citus_literal", "hibernate", "jdbc", "jdbc_inlined"};
  private static final double CACHED_TARGET_NS = 1_000;
  private static final double FIRST_SEEN_TARGET_NS = 50_000;
  private static final double RATIO_TARGET = 0.97;
  private static final double CACHE_PRESSURE_TARGET = 0.9;
  /** The other sides of the paired benchmark, in the order the tables show them. */
  private static final String[] BASELINES = {"hibernate", "tenant_id", "jdbc", "unscoped"};
  /** The baselines whose ratio has a target (≥ 0.97); the others are reported. */
  private static final List<String> TARGET_BASELINES = List.of("hibernate", "tenant_id");

  private final boolean quick;
  private final String command;
  private final String postgres;
  private final long minutes;
  private final List<RunResult> rewrite;
  private final List<RunResult> requests;
  private final List<RunResult> paired;
  private final List<RunResult> operations;
  private final List<ClientCpu.Measurement> clientCpu;
  private final CacheFootprint.Footprint footprint;
  private final Map<String, Map<String, List<String>>> sql;
  private final List<RunResult> cachePressure;
  private final List<CachePressureBenchmark.HitRate> hitRates;
  private final List<CitusCounters.Measurement> counters;

  /** What the suite measured beside the JMH results of the end-to-end and rewrite runs. */
  record Extras(List<RunResult> cachePressure, List<CachePressureBenchmark.HitRate> hitRates,
      List<CitusCounters.Measurement> counters) {
  }

  Report(boolean quick, String command, String postgres, long minutes, List<RunResult> rewrite,
      List<RunResult> requests, List<RunResult> paired, List<RunResult> operations, List<ClientCpu.Measurement> clientCpu, CacheFootprint.Footprint footprint,
      Map<String, Map<String, List<String>>> sql, Extras extras) {
    this.quick = quick;
    this.command = command;
    this.postgres = postgres;
    this.minutes = minutes;
    this.rewrite = rewrite;
    this.requests = requests;
    this.paired = paired;
    this.operations = operations;
    this.clientCpu = clientCpu;
    this.footprint = footprint;
    this.sql = sql;
    this.cachePressure = extras.cachePressure();
    this.hitRates = extras.hitRates();
    this.counters = extras.counters();
  }

  // ---- reading results

  private static String method(RunResult r) {
    String name = r.getParams().getBenchmark();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String benchmarkClass(RunResult r) {
    String name = r.getParams().getBenchmark();
    String cls = name.substring(0, name.lastIndexOf('.'));
    return cls.substring(cls.lastIndexOf('.') + 1);
  }

  private static String param(RunResult r, String name) {
    String v = r.getParams().getParam(name);
    return v == null ? "" : v;
  }

  private static double score(RunResult r) {
    return r == null ? Double.NaN : r.getPrimaryResult().getScore();
  }

  private static double error(RunResult r) {
    return r == null ? Double.NaN : r.getPrimaryResult().getScoreError();
  }

  /** Bytes allocated per operation ({@code -prof gc}), NaN when not measured. */
  private static double alloc(RunResult r) {
    if (r == null) {
      return Double.NaN;
    }
    for (String key : r.getSecondaryResults().keySet()) {
      if (key.endsWith("gc.alloc.rate.norm")) {
        return r.getSecondaryResults().get(key).getScore();
      }
    }
    return Double.NaN;
  }

  private static RunResult find(List<RunResult> results, String cls, String method, String paramName, String value) {
    for (RunResult r : results) {
      if (benchmarkClass(r).equals(cls) && method(r).equals(method)
          && (paramName == null || param(r, paramName).equals(value))) {
        return r;
      }
    }
    return null;
  }

  private static RunResult endToEnd(List<RunResult> results, String method, String variant, String tenants) {
    for (RunResult r : results) {
      if (method(r).equals(method) && param(r, "variant").equals(variant) && param(r, "tenants").equals(tenants)) {
        return r;
      }
    }
    return null;
  }

  /** a / b with the error propagated from the relative errors (JMH's are 99.9% intervals). */
  private static double[] ratio(RunResult a, RunResult b) {
    double r = score(a) / score(b);
    double ea = error(a) / score(a);
    double eb = error(b) / score(b);
    return new double[] {r, r * Math.sqrt(ea * ea + eb * eb)};
  }

  /** A side of the paired benchmark's group ({@code scoped} or {@code plain}). */
  private static Result<?> side(RunResult r, String method) {
    return r == null ? null : r.getSecondaryResults().get(method);
  }

  private RunResult paired(String tenants, String baseline) {
    for (RunResult r : paired) {
      if (param(r, "tenants").equals(tenants) && (param(r, "baseline").isEmpty() ? "hibernate"
          : param(r, "baseline")).equals(baseline)) {
        return r;
      }
    }
    return null;
  }

  /**
   * scoped / plain of {@link PairedEndToEndBenchmark}, iteration by iteration: {mean, its 99.9%
   * error, lowest, highest, iterations}. Both sides ran in the same seconds, so each ratio is a
   * paired observation.
   */
  private static double[] pairedRatio(RunResult r) {
    ListStatistics ratios = new ListStatistics();
    if (r != null) {
      for (BenchmarkResult fork : r.getBenchmarkResults()) {
        for (IterationResult it : fork.getIterationResults()) {
          Result<?> scoped = it.getSecondaryResults().get("scoped");
          Result<?> plain = it.getSecondaryResults().get("plain");
          if (scoped != null && plain != null && plain.getScore() > 0) {
            ratios.addValue(scoped.getScore() / plain.getScore());
          }
        }
      }
    }
    if (ratios.getN() == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0};
    }
    double err = ratios.getN() > 2 ? ratios.getMeanErrorAt(0.999) : Double.NaN;
    return new double[] {ratios.getMean(), err, ratios.getMin(), ratios.getMax(), ratios.getN()};
  }

  // ---- formatting

  private static String ns(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return v < 1_000 ? String.format(Locale.ROOT, "%.0f ns", v) : String.format(Locale.ROOT, "%.1f µs", v / 1_000);
  }

  private static String nsWithError(RunResult r) {
    if (r == null) {
      return "n/a";
    }
    return ns(score(r)) + " ± " + ns(error(r));
  }

  private static String ops(RunResult r) {
    if (r == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%,.0f ± %,.0f", score(r), error(r));
  }

  private static String bytes(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f B", v);
  }

  private static String ratioText(double[] r) {
    if (Double.isNaN(r[0])) {
      return "n/a";
    }
    return Double.isNaN(r[1]) ? String.format(Locale.ROOT, "%.3f", r[0])
        : String.format(Locale.ROOT, "%.3f ± %.3f", r[0], r[1]);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "**missed**";
  }

  // ---- output

  String summary() {
    StringBuilder sb = new StringBuilder("citus-hibernate benchmark summary").append(quick ? " (quick run, indicative)" : "")
        .append('\n');
    for (String tenants : tenantCounts()) {
      double[] p = pairedRatio(paired(tenants, "hibernate"));
      double[] r = ratio(endToEnd(requests, "request", "citus", tenants), endToEnd(requests, "request", "hibernate", tenants));
      double[] lit = ratio(endToEnd(requests, "request", "jdbc_inlined", tenants), endToEnd(requests, "request", "jdbc", tenants));
      sb.append(String.format(Locale.ROOT, "  %7s tenants: citus/hibernate paired = %s, separate runs = %s, "
          + "jdbc_inlined/jdbc = %s%n", tenants, ratioText(p), ratioText(r), ratioText(lit)));
      for (String baseline : BASELINES) {
        RunResult other = baseline.equals("hibernate") ? null : paired(tenants, baseline);
        if (other != null) {
          sb.append(String.format(Locale.ROOT, "  %7s tenants: citus/%s paired = %s%n", tenants, baseline,
              ratioText(pairedRatio(other))));
        }
      }
    }
    for (RunResult r : cachePressure) {
      sb.append(String.format(Locale.ROOT, "  cache pressure, %sx the cache, Hibernate's plan cache %s: "
          + "scoped/plain paired = %s%n", param(r, "workingSet"), planCacheText(r), ratioText(pairedRatio(r))));
    }
    RunResult join5 = find(rewrite, "RewriteBenchmark", "firstSeen", "statement", "join5");
    sb.append("  rewrite: worst cached ").append(ns(worstCached())).append(", first-seen 5-table join ")
        .append(ns(score(join5))).append('\n');
    sb.append(String.format(Locale.ROOT, "  rewrite cache at %d statements: %,d bytes%n", footprint.entries(),
        footprint.cacheBytes()));
    return sb.toString();
  }

  private double worstCached() {
    double worst = Double.NaN;
    for (String s : LADDER) {
      double v = score(find(rewrite, "RewriteBenchmark", "cached", "statement", s));
      if (Double.isNaN(worst) || v > worst) {
        worst = v;
      }
    }
    return worst;
  }

  private List<String> tenantCounts() {
    TreeSet<Integer> counts = new TreeSet<>();
    for (RunResult r : requests) {
      counts.add(Integer.parseInt(param(r, "tenants")));
    }
    for (RunResult r : paired) {
      counts.add(Integer.parseInt(param(r, "tenants")));
    }
    List<String> out = new ArrayList<>();
    counts.forEach(c -> out.add(Integer.toString(c)));
    return out;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# citus-hibernate benchmark results\n\n");
    if (quick) {
      md.append("> **Quick run** (1 fork, 1 warmup and 2 short measurement iterations, fewer tenants): it shows "
          + "that the suite works; the numbers are indicative only. Run without `--quick` for the figures to quote.\n\n");
    }
    md.append("| | |\n|---|---|\n");
    md.append("| Date | ").append(RunBenchmarks.now()).append(" |\n");
    md.append("| Command | `./mvnw -B -q -pl benchmarks -am package -DskipTests && ").append(command).append("` |\n");
    md.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vm.vendor"))
        .append(") |\n");
    md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append(' ').append(System.getProperty("os.arch")).append(" |\n");
    md.append("| Cores | ").append(Runtime.getRuntime().availableProcessors())
        .append(" (shared by the benchmark JVM and PostgreSQL) |\n");
    md.append("| Target | ").append(DatabaseTarget.selected()).append(" (`-D").append(DatabaseTarget.PROPERTY)
        .append("`, or `CITUS_TEST_URL` / `CITUS_PG_BIN`) |\n");
    md.append("| Database | ").append(postgres).append(" |\n");
    md.append("| Duration | ").append(minutes).append(" min |\n\n");
    md.append("Runs of single benchmarks by hand (on Citus at 10, 1,000 and 100,000 tenants against every baseline, "
        + "the row and schema models, the rewrite cache's policy, the parser options) are in "
        + "[focused-runs/README.md](focused-runs/README.md), each with its command, machine and database.\n\n");

    targets(md);
    rewriteLadder(md);
    joinScaling(md);
    endToEndPaired(md);
    citusCounters(md);
    cachePressure(md);
    endToEndRequests(md);
    endToEndOperations(md);
    clientCpu(md);
    cache(md);
    raw(md);
    statements(md);
    return md.toString();
  }

  private void targets(StringBuilder md) {
    md.append("## Targets\n\n| Target | Measured | Verdict |\n|---|---|---|\n");
    double cached = worstCached();
    md.append("| Rewrite, cached, every ladder statement ≤ 1 µs | worst ").append(ns(cached)).append(" | ")
        .append(verdict(cached <= CACHED_TARGET_NS)).append(" |\n");
    RunResult join5 = find(rewrite, "RewriteBenchmark", "firstSeen", "statement", "join5");
    md.append("| Rewrite, first seen, 5-table join ≤ 50 µs | ").append(nsWithError(join5)).append(" | ")
        .append(verdict(score(join5) <= FIRST_SEEN_TARGET_NS)).append(" |\n");
    for (String tenants : tenantCounts()) {
      double[] p = pairedRatio(paired(tenants, "hibernate"));
      double[] r = Double.isNaN(p[0]) ? ratio(endToEnd(requests, "request", "citus", tenants),
          endToEnd(requests, "request", "hibernate", tenants)) : p;
      md.append("| End to end, citus-hibernate / plain Hibernate ≥ 0.97, ").append(tenants).append(" tenants")
          .append(Double.isNaN(p[0]) ? " (separate runs)" : " (paired)").append(" | ")
          .append(ratioText(r)).append(" | ").append(verdict(r[0] >= RATIO_TARGET)).append(" |\n");
      RunResult tenantId = paired(tenants, "tenant_id");
      if (tenantId != null) {
        double[] t = pairedRatio(tenantId);
        md.append("| End to end, citus-hibernate / Hibernate `@TenantId` ≥ 0.97, ").append(tenants)
            .append(" tenants (paired) | ").append(ratioText(t)).append(" | ").append(verdict(t[0] >= RATIO_TARGET))
            .append(" |\n");
      }
    }
    List<CitusCounters.Measurement> citusSides = counters.stream().filter(m -> m.variant().startsWith("citus")).toList();
    if (!citusSides.isEmpty()) {
      double lowest = citusSides.stream().mapToDouble(CitusCounters.Measurement::singleShardShare).min().orElse(Double.NaN);
      boolean all = citusSides.stream().allMatch(m -> m.multiShard() == 0 && m.singleShard() > 0);
      md.append(String.format(Locale.ROOT, "| Citus: citus-hibernate's statements on one shard = 100%% | lowest "
          + "%.2f%% over %d trials | %s |%n", 100 * lowest, citusSides.size(), verdict(all)));
    }
    for (RunResult r : cachePressure) {
      if (param(r, "workingSet").equals("2")) {
        double[] c = pairedRatio(r);
        md.append("| Cache under pressure, citus-hibernate / plain Hibernate ≥ 0.9, working set 2× the cache, "
            + "Hibernate's plan cache ").append(planCacheText(r)).append(" | ").append(ratioText(c)).append(" | ")
            .append(verdict(c[0] >= CACHE_PRESSURE_TARGET)).append(" |\n");
      }
    }
    md.append("\nThe ratio is throughput of `request` (six operations in one transaction) with citus-hibernate "
        + "divided by plain Hibernate with hand-written tenant predicates. *Paired*: both ran at once in one JVM "
        + "(`PairedEndToEndBenchmark`, 5 + 5 threads, one pool of 10), mean of the per-iteration ratios ± its "
        + "99.9% confidence interval. *Separate runs*: `EndToEndBenchmark`, one variant after the other, ± "
        + "propagated from JMH's 99.9% intervals.\n\n");
  }

  private void rewriteLadder(StringBuilder md) {
    md.append("## Rewrite cost per statement (`RewriteBenchmark`, average time, one thread)\n\n");
    md.append("| Statement | cached | cached + inspector work | first seen | JSqlParser parse alone | alloc cached "
        + "| alloc first seen |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (String s : LADDER) {
      RunResult cached = find(rewrite, "RewriteBenchmark", "cached", "statement", s);
      RunResult inspector = find(rewrite, "RewriteBenchmark", "cachedInspector", "statement", s);
      RunResult first = find(rewrite, "RewriteBenchmark", "firstSeen", "statement", s);
      RunResult parse = find(rewrite, "RewriteBenchmark", "parseOnly", "statement", s);
      md.append("| ").append(s).append(" | ").append(nsWithError(cached)).append(" | ").append(nsWithError(inspector))
          .append(" | ").append(nsWithError(first)).append(" | ").append(nsWithError(parse)).append(" | ")
          .append(bytes(alloc(cached))).append(" | ")
          .append(bytes(alloc(first))).append(" |\n");
    }
    md.append("\n*cached*: `analyse(sql).render(literal)` on a statement seen before; *cached + inspector work*: "
        + "plus `TenantContext.current()` and printing the tenant literal, i.e. everything the statement "
        + "inspector does per statement; *first seen*: a new rewriter parses, scopes and templates the "
        + "statement (JSqlParser); *JSqlParser parse alone*: `CCJSqlParser.Statement()` on the same text, the floor "
        + "under *first seen* for a rewrite built on JSqlParser. Allocation is bytes per call (`-prof gc`, `gc.alloc.rate.norm`).\n\n");
  }

  private void joinScaling(StringBuilder md) {
    md.append("## Rewrite cost against joined tables (`JoinScalingBenchmark`)\n\n");
    md.append("| Tenant tables joined | cached | first seen | alloc cached | alloc first seen |\n|---|---|---|---|---|\n");
    List<RunResult> chain = new ArrayList<>();
    for (RunResult r : rewrite) {
      if (benchmarkClass(r).equals("JoinScalingBenchmark") && method(r).equals("cached")) {
        chain.add(r);
      }
    }
    chain.sort(Comparator.comparingInt(r -> Integer.parseInt(param(r, "tables"))));
    for (RunResult cached : chain) {
      String tables = param(cached, "tables");
      RunResult first = find(rewrite, "JoinScalingBenchmark", "firstSeen", "tables", tables);
      md.append("| ").append(tables).append(" | ").append(nsWithError(cached)).append(" | ").append(nsWithError(first))
          .append(" | ").append(bytes(alloc(cached))).append(" | ").append(bytes(alloc(first))).append(" |\n");
    }
    md.append('\n');
  }

  private void endToEndRequests(StringBuilder md) {
    md.append("## End to end: requests per second (`EndToEndBenchmark.request`, 10 threads, pool of 10)\n\n");
    md.append("| Tenants | ").append(String.join(" | ", VARIANTS))
        .append(" | **citus / hibernate** | citus / jdbc | jdbc_inlined / jdbc |\n|---|")
        .append("---|".repeat(VARIANTS.length + 3)).append('\n');
    for (String tenants : tenantCounts()) {
      md.append("| ").append(String.format(Locale.ROOT, "%,d", Integer.parseInt(tenants)));
      for (String v : VARIANTS) {
        md.append(" | ").append(ops(endToEnd(requests, "request", v, tenants)));
      }
      md.append(" | **").append(ratioText(ratio(endToEnd(requests, "request", "citus", tenants),
          endToEnd(requests, "request", "hibernate", tenants)))).append("**");
      md.append(" | ").append(ratioText(ratio(endToEnd(requests, "request", "citus", tenants),
          endToEnd(requests, "request", "jdbc", tenants))));
      md.append(" | ").append(ratioText(ratio(endToEnd(requests, "request", "jdbc_inlined", tenants),
          endToEnd(requests, "request", "jdbc", tenants)))).append(" |\n");
    }
    md.append("\nAllocation per request: ");
    List<String> allocs = new ArrayList<>();
    for (String tenants : tenantCounts()) {
      for (String v : VARIANTS) {
        double a = alloc(endToEnd(requests, "request", v, tenants));
        if (!Double.isNaN(a)) {
          allocs.add(v + "@" + tenants + " " + bytes(a));
        }
      }
    }
    md.append(String.join(", ", allocs)).append(".\n\n");
    md.append("*jdbc_inlined / jdbc* isolates the cost of a literal tenant in the SQL text (what `citus_literal` "
        + "sends): the same statements, tenant inlined instead of bound, so the text differs per tenant "
        + "and pgjdbc does not reuse server-side prepared statements for it (`prepareThreshold`, "
        + "per-connection statement cache of 256 queries).\n\n");
  }

  private void endToEndPaired(StringBuilder md) {
    if (paired.isEmpty()) {
      return;
    }
    md.append("## End to end, paired: citus-hibernate and a baseline at once (`PairedEndToEndBenchmark`)\n\n");
    md.append("| Tenants | Baseline | citus-hibernate, requests/s | baseline, requests/s | **ratio, mean ± 99.9%** "
        + "| lowest – highest iteration | iterations |\n|---|---|---|---|---|---|---|\n");
    for (String tenants : tenantCounts()) {
      for (String baseline : BASELINES) {
        RunResult r = paired(tenants, baseline);
        if (r == null) {
          continue;
        }
        double[] p = pairedRatio(r);
        md.append("| ").append(String.format(Locale.ROOT, "%,d", Integer.parseInt(tenants))).append(" | ")
            .append(baseline).append(TARGET_BASELINES.contains(baseline) ? "" : " (reported)")
            .append(" | ").append(sideText(side(r, "scoped"))).append(" | ").append(sideText(side(r, "plain")))
            .append(" | **").append(ratioText(p)).append("** | ")
            .append(String.format(Locale.ROOT, "%.3f – %.3f", p[2], p[3])).append(" | ").append((int) p[4])
            .append(" |\n");
      }
    }
    md.append("\nFive threads run `request` through citus-hibernate while five run it through the baseline, on the "
        + "same server, pool and data: both sides see the same JIT, garbage collections, checkpoints and "
        + "neighbours at the same moment, and the threads share the cores fairly, so a side that needs more CPU "
        + "per request completes fewer. Each iteration gives one ratio. Baselines: *hibernate*, plain Hibernate "
        + "with hand-written tenant predicates; *tenant_id*, Hibernate's own `@TenantId` discriminator "
        + "multi-tenancy (it leaves the lazy collection load unscoped); *jdbc*, hand-written scoped SQL (the "
        + "floor); *unscoped*, plain Hibernate with no tenant predicate at all (on Citus without the statistics "
        + "join, which Citus refuses; see the counters).\n\n");
  }

  private void citusCounters(StringBuilder md) {
    if (counters.isEmpty()) {
      return;
    }
    md.append("## Citus: routing and connections per request (`citus_stat_counters`)\n\n");
    md.append("| Tenants | Variant | paired with | requests | distributed statements | **on one shard** "
        + "| multi-shard per request | connections opened per request | left out |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    for (CitusCounters.Measurement m : counters) {
      md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %,d | %,d | **%.2f%%** | %.2f | %.3f | %s |%n",
          m.tenants(), m.variant(), m.pairedWith(), m.requests(), m.singleShard() + m.multiShard(),
          100 * m.singleShardShare(), m.perRequest(m.multiShard()), m.perRequest(m.connections()),
          m.limitations().isEmpty() ? "" : String.join("; ", m.limitations())));
    }
    md.append("\nAfter each paired trial each side runs ").append(counters.get(0).requests())
        .append(" more requests alone on its five threads, and the coordinator's `citus_stat_counters` (Citus 13.1+, "
        + "`citus.enable_stat_counters = on`) are read before and after: `query_execution_single_shard` and "
        + "`query_execution_multi_shard` count distributed statements by the shards they ran on, "
        + "`connection_establishment_succeeded` the connections the coordinator opened to workers. Statements the "
        + "coordinator runs alone (the click sequence's `nextval`, commit) count as neither.\n\n");
  }

  private void cachePressure(StringBuilder md) {
    if (cachePressure.isEmpty()) {
      return;
    }
    md.append("## Rewrite cache under pressure (`CachePressureBenchmark`, paired, Zipf-distributed statements)\n\n");
    md.append("| Cache size | Distinct statements | Hibernate's plan cache | hit rate | citus-hibernate, queries/s "
        + "| plain Hibernate, queries/s | **ratio, mean ± 99.9%** |\n|---|---|---|---|---|---|---|\n");
    for (RunResult r : cachePressure) {
      String workingSet = param(r, "workingSet");
      String hitRate = "n/a";
      for (CachePressureBenchmark.HitRate h : hitRates) {
        if (Integer.toString(h.workingSet()).equals(workingSet)
            && Integer.toString(h.cacheSize()).equals(param(r, "cacheSize"))
            && param(r, "planCache").equals(Objects.requireNonNullElse(h.planCache(), ""))) {
          hitRate = String.format(Locale.ROOT, "%.1f%% (%,d of %,d)", 100 * h.rate(), h.hits(), h.hits() + h.misses());
        }
      }
      md.append("| ").append(param(r, "cacheSize")).append(" | ")
          .append(Integer.parseInt(workingSet) * Integer.parseInt(param(r, "cacheSize"))).append(" (")
          .append(workingSet).append("×) | ").append(planCacheText(r)).append(" | ").append(hitRate).append(" | ")
          .append(sideText(side(r, "scoped")))
          .append(" | ").append(sideText(side(r, "plain"))).append(" | **").append(ratioText(pairedRatio(r)))
          .append("** |\n");
    }
    md.append("\nOne query per transaction, picked with a Zipf distribution (exponent 1) from the distinct statements; "
        + "five threads through citus-hibernate with `citus.hibernate.rewrite_cache_size` as shown, five through "
        + "plain Hibernate with hand-written predicates, at once. Hibernate's own query plan cache holds every "
        + "statement on both sides (*all*: only the rewrite cache is under pressure, a miss costs only "
        + "citus-hibernate) or as many as the rewrite cache (*same size*: both caches under the same pressure, a "
        + "miss costs plain Hibernate an HQL interpretation too). The hit rate is the rewrite cache's over the "
        + "measurement iterations (`citus.hibernate.rewrite.cache.gets{result}`).\n\n");
  }

  private static String planCacheText(RunResult r) {
    return "same".equals(param(r, "planCache")) ? "same size" : "all";
  }

  private static String sideText(Result<?> r) {
    return r == null ? "n/a" : String.format(Locale.ROOT, "%,.0f ± %,.0f", r.getScore(), r.getScoreError());
  }

  private void endToEndOperations(StringBuilder md) {
    if (operations.isEmpty()) {
      return;
    }
    String tenants = param(operations.get(0), "tenants");
    md.append("## End to end, one operation per transaction (").append(tenants).append(" tenants, ops/s)\n\n");
    md.append("| Operation | ").append(String.join(" | ", RunBenchmarks.OPERATION_VARIANTS))
        .append(" | **citus / hibernate** | citus / jdbc |\n|---|")
        .append("---|".repeat(RunBenchmarks.OPERATION_VARIANTS.length + 2)).append('\n');
    for (String op : RunBenchmarks.OPERATIONS.split("\\|")) {
      md.append("| ").append(op);
      for (String v : RunBenchmarks.OPERATION_VARIANTS) {
        md.append(" | ").append(ops(endToEnd(operations, op, v, tenants)));
      }
      md.append(" | **").append(ratioText(ratio(endToEnd(operations, op, "citus", tenants),
          endToEnd(operations, op, "hibernate", tenants)))).append("**");
      md.append(" | ").append(ratioText(ratio(endToEnd(operations, op, "citus", tenants),
          endToEnd(operations, op, "jdbc", tenants)))).append(" |\n");
    }
    md.append("\nPlain Hibernate's `findById` and `lazyAds` carry no tenant predicate (Hibernate has no place for "
        + "a hand-written one in entity and collection loads); the JDBC variants scope every statement.\n\n");
  }

  private void clientCpu(StringBuilder md) {
    if (clientCpu.isEmpty()) {
      return;
    }
    double plain = Double.NaN;
    double plainBytes = Double.NaN;
    for (ClientCpu.Measurement m : clientCpu) {
      if (m.variant().equals("hibernate")) {
        plain = m.cpuMicros();
        plainBytes = m.allocatedBytes();
      }
    }
    md.append("## Client CPU and allocation per request (`ClientCpu`, one thread, 1,000 tenants)\n\n");
    md.append("| Variant | client CPU, µs/request | vs hibernate | allocated, bytes/request | vs hibernate "
        + "| wall, µs/request |\n|---|---|---|---|---|---|\n");
    for (ClientCpu.Measurement m : clientCpu) {
      md.append("| ").append(m.variant()).append(String.format(Locale.ROOT,
          " | %.1f | %+.1f µs (%.2f×) | %,.0f | %+,.0f (%.2f×) | %.1f |%n", m.cpuMicros(), m.cpuMicros() - plain,
          m.cpuMicros() / plain, m.allocatedBytes(), m.allocatedBytes() - plainBytes, m.allocatedBytes() / plainBytes,
          m.wallMicros()));
    }
    md.append("\nThe CPU time and the heap allocation of the calling thread per `request`, the variants interleaved "
        + "in rounds on one database (medians of the second half of the rounds): what each client spends, without "
        + "the server's share or waiting. It is the cost a library adds on the client; with client and server on the "
        + "same cores it is also what the throughput ratio is made of.\n\n");
  }

  private void cache(StringBuilder md) {
    md.append("## Rewrite cache memory\n\n");
    md.append(String.format(Locale.ROOT, "At the default `citus.hibernate.rewrite_cache_size` (%d), filled with "
        + "distinct ladder statements (average %.0f characters): **%,d bytes** retained (%.1f MiB, %,.0f bytes per "
        + "statement), of which %,d bytes are the SQL strings used as keys (usually shared with Hibernate's own "
        + "statement caches). Measured with JOL (`GraphLayout.totalSize`), compressed oops.\n\n",
        footprint.entries(), footprint.averageSqlChars(), footprint.cacheBytes(),
        footprint.cacheBytes() / (1024.0 * 1024.0), footprint.bytesPerEntry(), footprint.keyBytes()));
  }

  private void raw(StringBuilder md) {
    md.append("## All results\n\n| Benchmark | Parameters | Score | Error (99.9%) | Unit | Alloc/op |\n");
    md.append("|---|---|---|---|---|---|\n");
    List<RunResult> all = new ArrayList<>(rewrite);
    all.addAll(paired);
    all.addAll(cachePressure);
    all.addAll(requests);
    all.addAll(operations);
    for (RunResult r : all) {
      Map<String, String> params = new LinkedHashMap<>();
      for (String key : r.getParams().getParamsKeys()) {
        params.put(key, r.getParams().getParam(key));
      }
      md.append("| ").append(benchmarkClass(r)).append('.').append(method(r)).append(" | ").append(params)
          .append(" | ").append(String.format(Locale.ROOT, "%,.3f", score(r))).append(" | ")
          .append(String.format(Locale.ROOT, "%,.3f", error(r))).append(" | ")
          .append(r.getPrimaryResult().getScoreUnit()).append(" | ").append(bytes(alloc(r))).append(" |\n");
    }
    md.append('\n');
  }

  private void statements(StringBuilder md) {
    md.append("## What each variant sends (`request`, tenant 2)\n\n");
    sql.forEach((variant, ops) -> {
      md.append("**").append(variant).append("**\n\n```sql\n");
      ops.getOrDefault("request", List.of()).forEach(s -> md.append(s).append('\n'));
      md.append("```\n\n");
    });
  }
}
