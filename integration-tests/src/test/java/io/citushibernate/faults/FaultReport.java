package io.citushibernate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The record of each fault for the closing note: the fault, what the application saw, the
 * outcome and how long the pool took to serve again (informational, never asserted). Printed, and
 * appended to {@code target/faults-report.txt}.
 */
final class FaultReport {
  private static final Path FILE = Path.of("target", "faults-report.txt");

  private FaultReport() {
  }

  static synchronized void record(String fault, String saw, String outcome, Duration recovery) {
    String entry = "fault: " + fault + "\n  saw: " + saw + "\n  outcome: " + outcome
        + (recovery == null ? "" : "\n  pool served again after: " + recovery.toMillis() + " ms") + "\n";
    System.out.print("[faults] " + entry);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
