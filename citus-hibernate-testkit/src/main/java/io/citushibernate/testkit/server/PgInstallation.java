package io.citushibernate.testkit.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local PostgreSQL installation whose extension directory holds Citus.
 *
 * @param bin the directory of {@code initdb} and {@code pg_ctl}
 * @param share the share directory ({@code extension/citus.control} lives below it)
 */
public record PgInstallation(Path bin, Path share) {
  /**
   * The installation in {@code configuredBin} ({@code CITUS_PG_BIN}), or the one {@code pg_config}
   * on the {@code PATH} describes; empty, with the reason added to {@code notes}, when there is
   * none or it lacks Citus.
   */
  static Optional<PgInstallation> find(String configuredBin, List<String> notes) {
    Path bin;
    Path share;
    String source;
    if (configuredBin != null && !configuredBin.isBlank()) {
      bin = Path.of(configuredBin);
      source = "CITUS_PG_BIN=" + configuredBin;
      Path pgConfig = bin.resolve("pg_config");
      String dir = Files.isExecutable(pgConfig) ? run(pgConfig.toString(), "--sharedir") : null;
      share = dir != null ? Path.of(dir) : guessShare(bin);
    } else {
      String dir = run("pg_config", "--bindir");
      if (dir == null) {
        notes.add("no pg_config on the PATH and CITUS_PG_BIN is not set");
        return Optional.empty();
      }
      bin = Path.of(dir);
      String s = run("pg_config", "--sharedir");
      share = s == null ? null : Path.of(s);
      source = "pg_config";
    }
    if (!Files.isExecutable(bin.resolve("initdb")) || !Files.isExecutable(bin.resolve("pg_ctl"))) {
      notes.add("no initdb/pg_ctl in " + bin + " (" + source + ")");
      return Optional.empty();
    }
    if (share == null || !Files.isRegularFile(share.resolve("extension").resolve("citus.control"))) {
      notes.add("PostgreSQL in " + bin + " (" + source + ") has no citus extension"
          + (share == null ? "" : " in " + share.resolve("extension")));
      return Optional.empty();
    }
    return Optional.of(new PgInstallation(bin, share));
  }

  private static Path guessShare(Path bin) {
    Path root = bin.toAbsolutePath().getParent();
    if (root == null) {
      return null;
    }
    for (Path candidate : List.of(root.resolve("share/postgresql"), root.resolve("share"))) {
      if (Files.isDirectory(candidate.resolve("extension"))) {
        return candidate;
      }
    }
    return null;
  }

  /** The first line {@code command} prints, {@code null} when it cannot run or fails. */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return null;
      }
      String s = new String(out, StandardCharsets.UTF_8).trim();
      int nl = s.indexOf('\n');
      return nl < 0 ? s : s.substring(0, nl).trim();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
