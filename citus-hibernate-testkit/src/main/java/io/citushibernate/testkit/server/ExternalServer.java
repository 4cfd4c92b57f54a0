package io.citushibernate.testkit.server;

import io.citushibernate.testkit.CitusDatabase;

/** A Citus cluster someone else runs, named by {@code CITUS_TEST_URL}. */
final class ExternalServer implements Server {
  private final String url;
  private final String user;
  private final String password;

  ExternalServer(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public CitusDatabase.Kind kind() {
    return CitusDatabase.Kind.EXTERNAL_CITUS;
  }

  @Override
  public String jdbcUrl() {
    return url;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public String description() {
    return "Citus cluster at " + Providers.redact(url) + " (CITUS_TEST_URL)";
  }

  @Override
  public void close() {
    // not ours: each test class drops the schema it created
  }
}
