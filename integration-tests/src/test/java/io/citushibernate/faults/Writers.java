package io.citushibernate.faults;

import io.citushibernate.faults.FaultBench.Outcome;
import io.citushibernate.faults.FaultBench.Write;
import io.citushibernate.testkit.server.ClusterControl.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;

/**
 * Application threads that write in a loop while a fault happens, one tenant each, and keep the
 * model of what they did: every write's outcome as the application saw it, in order.
 */
final class Writers {
  private final List<Thread> threads = new ArrayList<>();
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ConcurrentLinkedQueue<Throwable> crashes = new ConcurrentLinkedQueue<>();

  /**
   * Starts a thread per entry of {@code tenants}, each writing {@code name}-thread-n for its
   * tenant; the n-th write of a thread has a reference row when {@code referenceRow} says so.
   */
  Writers(FaultBench bench, String name, List<Long> tenants, LongPredicate referenceRow) {
    for (int i = 0; i < tenants.size(); i++) {
      long tenant = tenants.get(i);
      String prefix = name + "-" + i + "-";
      Thread thread = new Thread(() -> {
        for (long n = 0; running.get(); n++) {
          outcomes.add(bench.run(new Write(tenant, prefix + n, referenceRow.test(n))));
        }
      }, "fault-writer-" + name + "-" + i);
      thread.setUncaughtExceptionHandler((t, e) -> crashes.add(e));
      threads.add(thread);
    }
    threads.forEach(Thread::start);
  }

  long committed() {
    return outcomes.stream().filter(Outcome::committed).count();
  }

  /**
   * Waits until {@code count} more writes committed than {@code since}; the bound only keeps writers
   * that never recover from hanging the build.
   */
  void awaitCommitted(long since, long count) {
    for (int i = 0; i < 1200 && committed() < since + count; i++) {
      if (!crashes.isEmpty()) {
        throw new AssertionError("a writer crashed", crashes.peek());
      }
      FaultBench.sleep(100);
    }
    if (committed() < since + count) {
      Outcome last = outcomes.stream().reduce((a, b) -> b).orElse(null);
      throw new AssertionError("the writers committed " + (committed() - since) + " of " + count
          + " writes; the last outcome: "
          + (last == null || last.committed() ? last : Failures.describe(last.failure())));
    }
  }

  /** What writers did through a node's outage: every outcome, and how soon after it a write committed. */
  record Run(List<Outcome> outcomes, Duration recovery) {
    List<Outcome> failed() {
      return outcomes.stream().filter(o -> !o.committed()).toList();
    }
  }

  /**
   * Writes with a thread per entry of {@code tenants} while {@code node} stops, stays down for
   * {@code downMillis} and starts again, until {@code commits} writes committed before the stop and
   * as many after the start.
   */
  static Run throughOutage(FaultBench bench, String name, List<Long> tenants, LongPredicate referenceRow, Node node,
      long downMillis, long commits) throws InterruptedException {
    Writers writers = new Writers(bench, name, tenants, referenceRow);
    Duration recovery;
    try {
      writers.awaitCommitted(0, commits);
      bench.stop(node);
      FaultBench.sleep(downMillis);
      bench.start(node);
      recovery = writers.awaitNextCommit();
      writers.awaitCommitted(writers.committed(), commits);
    } catch (RuntimeException | Error e) {
      writers.stop();
      throw e;
    }
    return new Run(writers.stop(), recovery);
  }

  /** Waits for the next commit; returns how long it took (informational). */
  Duration awaitNextCommit() {
    long start = System.nanoTime();
    awaitCommitted(committed(), 1);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Stops the threads after their current write; returns every outcome. */
  List<Outcome> stop() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
    if (!crashes.isEmpty()) {
      throw new AssertionError("a writer crashed", crashes.peek());
    }
    return List.copyOf(outcomes);
  }
}
