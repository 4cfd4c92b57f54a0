package io.citushibernate.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import com.sun.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client's CPU time per {@link Workload#request}, per variant: one thread, the variants
 * interleaved round by round on the same database, CPU time of the calling thread
 * ({@link ThreadMXBean}), so neither the server's work nor waiting counts. Where client and server
 * share the cores, throughput follows the sum of both, so this is the part a library adds.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.citushibernate.benchmarks.ClientCpu [tenants] [rounds] [requests]};
 * {@code -Dvariants=citus,hibernate} picks the variants.
 */
public final class ClientCpu {
  /**
   * Medians over the second half of the rounds (the first half is warm-up): µs and bytes allocated
   * by the calling thread per request.
   */
  record Measurement(String variant, double cpuMicros, double wallMicros, double allocatedBytes) {
  }

  private ClientCpu() {
  }

  public static void main(String[] args) {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
    List<Variant> variants = System.getProperty("variants") == null
        ? List.of(Variant.CITUS, Variant.HIBERNATE, Variant.TENANT_ID, Variant.JDBC)
        : Arrays.stream(System.getProperty("variants").split(",")).map(Variant::of).toList();
    for (Measurement m : measure(variants, tenants, rounds, requests, true)) {
      System.out.printf(Locale.ROOT, "%-13s client CPU %6.1f µs/request, wall %6.1f µs/request, allocated %,9.0f "
          + "bytes/request%n", m.variant(), m.cpuMicros(), m.wallMicros(), m.allocatedBytes());
    }
  }

  /** Runs {@code rounds} rounds of {@code requests} requests per variant, interleaved. */
  static List<Measurement> measure(List<Variant> variants, int tenants, int rounds, int requests, boolean verbose) {
    // com.sun.management's ThreadMXBean also counts the bytes the calling thread allocates
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<Variant, List<double[]>> samples = new LinkedHashMap<>();
    try (AdAnalyticsDatabase db = AdAnalyticsDatabase.start(tenants); HikariDataSource pool = db.pool(2, 5)) {
      Map<Variant, Workload> workloads = new LinkedHashMap<>();
      try {
        for (Variant v : variants) {
          workloads.put(v, v.create(pool));
          samples.put(v, new ArrayList<>());
        }
        long n = 0;
        for (int round = 0; round < rounds; round++) {
          for (Variant v : variants) {
            Workload w = workloads.get(v);
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long wall = System.nanoTime();
            for (int i = 0; i < requests; i++, n++) {
              w.request(AdAnalyticsDatabase.tenantOf(n, tenants), AdAnalyticsDatabase.campaignOf(n, tenants));
            }
            double c = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / requests;
            double t = (System.nanoTime() - wall) / 1e3 / requests;
            double b = (double) (threads.getCurrentThreadAllocatedBytes() - allocated) / requests;
            if (verbose) {
              System.out.printf(Locale.ROOT, "round %2d %-13s client CPU %7.1f µs/request, wall %7.1f µs/request, "
                  + "allocated %,9.0f bytes/request%n", round, v.id(), c, t, b);
            }
            if (round >= rounds / 2) {
              samples.get(v).add(new double[] {c, t, b});
            }
          }
        }
      } finally {
        workloads.values().forEach(Workload::close);
      }
    }
    List<Measurement> out = new ArrayList<>();
    samples.forEach((v, s) -> out.add(new Measurement(v.id(), median(s, 0), median(s, 1), median(s, 2))));
    return out;
  }

  private static double median(List<double[]> samples, int index) {
    double[] a = samples.stream().mapToDouble(s -> s[index]).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
