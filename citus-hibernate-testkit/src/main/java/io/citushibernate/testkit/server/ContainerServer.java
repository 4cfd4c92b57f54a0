package io.citushibernate.testkit.server;

import io.citushibernate.testkit.CitusDatabase;

/** The Docker provider: a {@link CitusClusterContainer} shared by the JVM's tests. */
final class ContainerServer implements Server {
  private final CitusClusterContainer cluster;

  ContainerServer(String image) {
    cluster = new CitusClusterContainer(image == null || image.isBlank() ? CitusClusterContainer.DEFAULT_IMAGE : image)
        .withWorkers(2);
    cluster.start();
  }

  @Override
  public CitusDatabase.Kind kind() {
    return CitusDatabase.Kind.CONTAINER_CITUS;
  }

  @Override
  public String jdbcUrl() {
    return cluster.getJdbcUrl();
  }

  @Override
  public String user() {
    return cluster.getUsername();
  }

  @Override
  public String password() {
    return cluster.getPassword();
  }

  @Override
  public String description() {
    return "Citus cluster in Docker (" + cluster.getImage() + ", coordinator and " + cluster.getWorkers()
        + " workers) at " + jdbcUrl();
  }

  @Override
  public void close() {
    cluster.stop();
  }

  /** Whether Docker answers; only called when Testcontainers is on the class path. */
  static boolean dockerAvailable() {
    try {
      return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
