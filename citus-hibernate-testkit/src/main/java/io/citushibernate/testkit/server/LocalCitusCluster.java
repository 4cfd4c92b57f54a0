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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>It is the one server whose nodes tests can stop and start ({@link ClusterControl}).
 */
final class LocalCitusCluster implements Server, ClusterControl {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCitusCluster.class);
  private static final String HOST = "127.0.0.1";

  private final Path bin;
  private int workers = 2;
  private boolean citus = true;
  private String osUser;
  private Path base;
  /** Each node's data directory, the coordinator first. */
  private final Map<Node, Path> dataDirs = new LinkedHashMap<>();
  private final Set<Node> stopped = ConcurrentHashMap.newKeySet();

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
    String runAs = runAs();
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
            "", "port = " + port, "listen_addresses = '" + HOST + "'", "unix_socket_directories = '" + dir + "'",
            "max_connections = 200", "fsync = off", "synchronous_commit = off", "full_page_writes = off",
            citus ? "shared_preload_libraries = 'citus'" : "", ""), StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
        pgCtlStart(runAs, dir);
        dataDirs.put(new Node(i == 0 ? "coordinator" : "worker" + i, HOST, port), dir);
      }
      if (citus) {
        List<Integer> ports = ports();
        for (int port : ports) {
          sql(port, "CREATE EXTENSION IF NOT EXISTS citus");
        }
        sql(ports.get(0), "SELECT citus_set_coordinator_host('" + HOST + "', " + ports.get(0) + ")");
        for (int i = 1; i < ports.size(); i++) {
          sql(ports.get(0), "SELECT citus_add_node('" + HOST + "', " + ports.get(i) + ")");
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
    return url(coordinator().port());
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
    List<Integer> ports = ports();
    return "local " + (citus ? "Citus" : "PostgreSQL") + " cluster from " + bin + ": coordinator on port "
        + (ports.isEmpty() ? "?" : ports.get(0)) + ", " + Math.max(0, ports.size() - 1) + " worker(s) on "
        + (ports.size() > 1 ? ports.subList(1, ports.size()) : "[]");
  }

  @Override
  public Optional<ClusterControl> clusterControl() {
    return Optional.of(this);
  }

  // ---- ClusterControl ----

  @Override
  public Node coordinator() {
    return List.copyOf(dataDirs.keySet()).get(0);
  }

  @Override
  public List<Node> workers() {
    List<Node> nodes = List.copyOf(dataDirs.keySet());
    return nodes.subList(1, nodes.size());
  }

  @Override
  public void stop(Node node) {
    Path dir = dataDir(node);
    if (stopped.contains(node)) {
      throw new IllegalStateException(node.name() + " is already stopped");
    }
    exec(runAs(), bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    stopped.add(node);
    LOG.info("Stopped {} on port {}", node.name(), node.port());
  }

  @Override
  public void start(Node node) {
    Path dir = dataDir(node);
    if (!stopped.contains(node)) {
      throw new IllegalStateException(node.name() + " is running");
    }
    pgCtlStart(runAs(), dir);
    stopped.remove(node);
    LOG.info("Started {} on port {} again", node.name(), node.port());
  }

  @Override
  public Connection connectTo(Node node) throws SQLException {
    dataDir(node);
    return DriverManager.getConnection(url(node.port()), "postgres", "");
  }

  private Path dataDir(Node node) {
    Path dir = dataDirs.get(node);
    if (dir == null) {
      throw new IllegalArgumentException(node + " is not a node of " + description());
    }
    return dir;
  }

  @Override
  public void close() {
    String runAs = runAs();
    for (Map.Entry<Node, Path> node : dataDirs.entrySet()) {
      if (stopped.contains(node.getKey())) {
        continue;
      }
      Path dir = node.getValue();
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

  private List<Integer> ports() {
    return dataDirs.keySet().stream().map(Node::port).toList();
  }

  /** The user that runs the servers: none (this process's) unless the tests run as root. */
  private String runAs() {
    boolean root = "root".equals(System.getProperty("user.name"));
    return root ? (osUser != null ? osUser : "postgres") : null;
  }

  private void pgCtlStart(String runAs, Path dir) {
    exec(runAs, bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-l", dir.resolve("server.log").toString(),
        "-w", "-t", "60", "start");
  }

  private static String url(int port) {
    return "jdbc:postgresql://" + HOST + ":" + port + "/postgres";
  }

  private static void sql(int port, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(port), "postgres", "");
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
