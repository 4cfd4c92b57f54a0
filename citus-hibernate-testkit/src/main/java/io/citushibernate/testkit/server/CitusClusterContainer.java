package io.citushibernate.testkit.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.utility.DockerImageName;

/**
 * A Citus cluster in Docker: a coordinator and workers from the {@code citusdata/citus} image on
 * one network, the workers registered with the coordinator. Needs Testcontainers on the class
 * path.
 *
 * <pre>{@code
 * try (CitusClusterContainer citus = new CitusClusterContainer().withWorkers(2)) {
 *   citus.start();
 *   DriverManager.getConnection(citus.getJdbcUrl(), citus.getUsername(), citus.getPassword());
 * }
 * }</pre>
 */
public class CitusClusterContainer implements Startable {
  /** The image used unless another is given; {@code CITUS_TEST_IMAGE} overrides it for the extension. */
  public static final String DEFAULT_IMAGE = "citusdata/citus:13.0";

  private final DockerImageName image;
  private int workers = 2;
  private String password = "citus";
  private Network network;
  private GenericContainer<?> coordinator;
  private final List<GenericContainer<?>> workerContainers = new ArrayList<>();

  /** A cluster from {@link #DEFAULT_IMAGE}. */
  public CitusClusterContainer() {
    this(DEFAULT_IMAGE);
  }

  /** A cluster from {@code image}, e.g. {@code citusdata/citus:12.1}. */
  public CitusClusterContainer(String image) {
    this.image = DockerImageName.parse(image);
  }

  /** Sets the number of workers (default 2; 0 runs the coordinator alone, which then holds the shards). */
  public CitusClusterContainer withWorkers(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("workers: " + count);
    }
    this.workers = count;
    return this;
  }

  /** Sets the password of the {@code postgres} user. */
  public CitusClusterContainer withPassword(String password) {
    this.password = password;
    return this;
  }

  @Override
  public void start() {
    network = Network.newNetwork();
    for (int i = 1; i <= workers; i++) {
      GenericContainer<?> worker = node("worker" + i);
      workerContainers.add(worker);
    }
    coordinator = node("coordinator").withExposedPorts(5432);
    try {
      workerContainers.forEach(GenericContainer::start);
      coordinator.start();
      try (Connection c = DriverManager.getConnection(getJdbcUrl(), getUsername(), getPassword());
          Statement s = c.createStatement()) {
        s.execute("SELECT citus_set_coordinator_host('coordinator', 5432)");
        for (int i = 1; i <= workers; i++) {
          s.execute("SELECT citus_add_node('worker" + i + "', 5432)");
        }
      }
    } catch (SQLException | RuntimeException e) {
      stop();
      throw new IllegalStateException("Cannot start a Citus cluster from " + image + ": " + e.getMessage(), e);
    }
  }

  private GenericContainer<?> node(String alias) {
    GenericContainer<?> node = new GenericContainer<>(image);
    return node.withNetwork(network).withNetworkAliases(alias)
        .withEnv("POSTGRES_PASSWORD", password)
        .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
        .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off")
        .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2));
  }

  @Override
  public void stop() {
    if (coordinator != null) {
      coordinator.stop();
    }
    workerContainers.forEach(GenericContainer::stop);
    workerContainers.clear();
    if (network != null) {
      network.close();
    }
  }

  /** The JDBC URL of the coordinator's {@code postgres} database. */
  public String getJdbcUrl() {
    return "jdbc:postgresql://" + coordinator.getHost() + ":" + coordinator.getMappedPort(5432) + "/postgres";
  }

  /** The superuser: {@code postgres}. */
  public String getUsername() {
    return "postgres";
  }

  /** The superuser's password. */
  public String getPassword() {
    return password;
  }

  /** The number of workers. */
  public int getWorkers() {
    return workers;
  }

  /** The image the nodes run. */
  public String getImage() {
    return image.asCanonicalNameString();
  }
}
