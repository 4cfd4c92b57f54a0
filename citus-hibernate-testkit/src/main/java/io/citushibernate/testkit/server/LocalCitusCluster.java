package io.citushibernate.testkit.server;

import io.citushibernate.testkit.CitusDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Citus cluster on loopback ports: a coordinator and workers, each initialized with
 * {@code initdb} into a temporary directory and run with {@code pg_ctl}; the workers are
 * registered with {@code citus_set_coordinator_host} and {@code citus_add_node}. As root, the
 * servers run as the {@code postgres} user (or {@code CITUS_PG_USER}) through {@code runuser}.
 *
 * <pre>{@code
 * try (LocalCitusCluster cluster = new LocalCitusCluster(binDir).withWorkers(2).start()) { ... }
 * }</pre>
 */
final class LocalCitusCluster implements Server {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCitusCluster.class);

  private final Path bin;
  private int workers = 2;
  private boolean citus = true;
  private String osUser;
  private Path base;
  private final List<Path> dataDirs = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  LocalCitusCluster(Path bin) {
    this.bin = bin;
  }

  LocalCitusCluster withWorkers(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("workers: " + count);
    }
    this.workers = count;
    return this;
  }

  /** Runs plain PostgreSQL nodes without Citus: for testing the process handling only. */
  LocalCitusCluster withoutCitus() {
    this.citus = false;
    return this;
  }

  /** The operating-system user the servers run as, when started as root. */
  LocalCitusCluster withOsUser(String user) {
    this.osUser = user;
    return this;
  }

  LocalCitusCluster start() {
    boolean root = "root".equals(System.getProperty("user.name"));
    String runAs = root ? (osUser != null ? osUser : "postgres") : null;
    try {
      base = Files.createTempDirectory("citus-testkit-");
      if (runAs != null) {
        chown(base, runAs);
      }
      for (int i = 0; i <= workers; i++) {
        Path dir = base.resolve(i == 0 ? "coordinator" : "worker" + i);
        int port = freePort();
        exec(runAs, bin.resolve("initdb").toString(), "-D", dir.toString(), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--no-locale", "--no-sync");
        Files.writeString(dir.resolve("postgresql.conf"), String.join("\n",
            "", "port = " + port, "listen_addresses = '127.0.0.1'", "unix_socket_directories = '" + dir + "'",
            "max_connections = 200", "fsync = off", "synchronous_commit = off", "full_page_writes = off",
            citus ? "shared_preload_libraries = 'citus'" : "", ""), StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
        exec(runAs, bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-l", dir.resolve("server.log").toString(),
            "-w", "-t", "60", "start");
        dataDirs.add(dir);
        ports.add(port);
      }
      if (citus) {
        for (int port : ports) {
          sql(port, "CREATE EXTENSION IF NOT EXISTS citus");
        }
        sql(ports.get(0), "SELECT citus_set_coordinator_host('127.0.0.1', " + ports.get(0) + ")");
        for (int i = 1; i < ports.size(); i++) {
          sql(ports.get(0), "SELECT citus_add_node('127.0.0.1', " + ports.get(i) + ")");
        }
      }
      LOG.info("Started {}", description());
      return this;
    } catch (IOException | SQLException | RuntimeException e) {
      close();
      throw new IllegalStateException("Cannot start a local Citus cluster from " + bin + ": " + e.getMessage()
          + (base == null ? "" : " (data and logs in " + base + ")"), e);
    }
  }

  @Override
  public CitusDatabase.Kind kind() {
    return CitusDatabase.Kind.LOCAL_CITUS;
  }

  @Override
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + ports.get(0) + "/postgres";
  }

  @Override
  public String user() {
    return "postgres";
  }

  @Override
  public String password() {
    return null;
  }

  @Override
  public String description() {
    return "local " + (citus ? "Citus" : "PostgreSQL") + " cluster from " + bin + ": coordinator on port "
        + (ports.isEmpty() ? "?" : ports.get(0)) + ", " + Math.max(0, ports.size() - 1) + " worker(s) on "
        + (ports.size() > 1 ? ports.subList(1, ports.size()) : "[]");
  }

  @Override
  public void close() {
    boolean root = "root".equals(System.getProperty("user.name"));
    String runAs = root ? (osUser != null ? osUser : "postgres") : null;
    for (Path dir : dataDirs) {
      try {
        exec(runAs, bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "immediate", "-w", "stop");
      } catch (RuntimeException e) {
        LOG.warn("Cannot stop the server in {}: {}", dir, e.getMessage());
      }
    }
    dataDirs.clear();
    if (base != null) {
      try (Stream<Path> files = Files.walk(base)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        LOG.warn("Cannot delete {}: {}", base, e.getMessage());
      }
    }
  }

  private static void sql(int port, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void chown(Path dir, String user) throws IOException {
    UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    Files.setOwner(dir, owner);
  }

  private static void exec(String runAs, String... command) {
    List<String> cmd = new ArrayList<>();
    if (runAs != null) {
      cmd.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    cmd.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", cmd) + " timed out");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): "
            + new String(out, StandardCharsets.UTF_8).trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + cmd.get(0).toLowerCase(Locale.ROOT), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + String.join(" ", cmd), e);
    }
  }
}
