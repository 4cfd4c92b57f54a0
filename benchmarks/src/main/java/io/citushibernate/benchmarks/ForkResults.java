package io.citushibernate.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures a benchmark measures beside JMH's score (Citus' counters, the rewrite cache's hit rate)
 * and hands back from JMH's forked JVM to the suite: one JSON line per record, appended to the
 * file a system property names ({@code -D...} on the fork's command line). Without the property
 * the record is only printed.
 */
final class ForkResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ForkResults() {
  }

  /** Prints {@code line} and appends {@code record} to the file of system property {@code property}, when set. */
  static void append(String property, Object record, String line) {
    String file = System.getProperty(property);
    append(file == null || file.isBlank() ? null : Paths.get(file), record, line);
  }

  /** Prints {@code line} and appends {@code record} to {@code file}, when not {@code null}. */
  static void append(Path file, Object record, String line) {
    System.out.println(line);
    if (file == null) {
      return;
    }
    try {
      Files.writeString(file, JSON.writeValueAsString(record) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to " + file, e);
    }
  }

  /** The records of {@code type} in {@code file}, none when it does not exist. */
  static <T> List<T> readAll(Path file, Class<T> type) {
    List<T> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(JSON.readValue(line, type));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return out;
  }
}
