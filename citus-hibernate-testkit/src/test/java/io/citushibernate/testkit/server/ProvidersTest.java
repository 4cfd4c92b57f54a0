package io.citushibernate.testkit.server;

import io.citushibernate.testkit.CitusDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersTest {
  /** A scripted environment: variables, properties and what the probes find. */
  static final class FakeEnvironment implements Providers.Environment {
    final Map<String, String> variables = new HashMap<>();
    final Map<String, String> properties = new HashMap<>();
    PgInstallation installation;
    boolean testcontainers;
    boolean docker;
    final List<String> probed = new ArrayList<>();

    @Override
    public String variable(String name) {
      return variables.get(name);
    }

    @Override
    public String property(String name) {
      return properties.get(name);
    }

    @Override
    public Optional<PgInstallation> citusInstallation(String configuredBin, List<String> notes) {
      probed.add("pg:" + configuredBin);
      if (installation == null) {
        notes.add("no citus extension");
      }
      return Optional.ofNullable(installation);
    }

    @Override
    public boolean testcontainersOnClassPath() {
      return testcontainers;
    }

    @Override
    public boolean dockerAvailable() {
      probed.add("docker");
      return docker;
    }
  }

  private final FakeEnvironment env = new FakeEnvironment();

  @Test
  void externalClusterWinsAndNothingElseIsProbed() {
    env.variables.put("CITUS_TEST_URL", "jdbc:postgresql://citus:5432/app?user=u&password=secret");
    env.installation = new PgInstallation(Path.of("/pg/bin"), Path.of("/pg/share"));
    env.testcontainers = env.docker = true;
    Providers.Choice choice = Providers.select(env);
    assertThat(choice.kind()).isEqualTo(CitusDatabase.Kind.EXTERNAL_CITUS);
    assertThat(choice.url()).endsWith("password=secret");
    assertThat(choice.detail()).contains("password=***").doesNotContain("secret");
    assertThat(env.probed).isEmpty();
  }

  @Test
  void localInstallationWithCitusComesSecond() {
    env.variables.put("CITUS_PG_BIN", "/opt/pg/bin");
    env.installation = new PgInstallation(Path.of("/opt/pg/bin"), Path.of("/opt/pg/share"));
    env.testcontainers = env.docker = true;
    Providers.Choice choice = Providers.select(env);
    assertThat(choice.kind()).isEqualTo(CitusDatabase.Kind.LOCAL_CITUS);
    assertThat(choice.installation().bin()).isEqualTo(Path.of("/opt/pg/bin"));
    assertThat(choice.notes()).containsExactly("CITUS_TEST_URL is not set");
    assertThat(env.probed).containsExactly("pg:/opt/pg/bin");
  }

  @Test
  void systemPropertyBeatsEnvironmentVariable() {
    env.variables.put("CITUS_PG_BIN", "/from/env");
    env.properties.put("citus.pg.bin", "/from/property");
    Providers.select(env);
    assertThat(env.probed).contains("pg:/from/property");
  }

  @Test
  void dockerComesThirdWhenTestcontainersIsPresent() {
    env.testcontainers = env.docker = true;
    assertThat(Providers.select(env).kind()).isEqualTo(CitusDatabase.Kind.CONTAINER_CITUS);
  }

  @Test
  void embeddedPostgresIsTheDefaultAndSaysWhy() {
    env.testcontainers = true;
    Providers.Choice choice = Providers.select(env);
    assertThat(choice.kind()).isEqualTo(CitusDatabase.Kind.EMBEDDED_POSTGRES);
    assertThat(choice.kind().isCitus()).isFalse();
    assertThat(choice.summary()).contains("CITUS_TEST_URL is not set", "no citus extension", "Docker is not available");

    FakeEnvironment withoutTestcontainers = new FakeEnvironment();
    withoutTestcontainers.docker = true;
    Providers.Choice noTc = Providers.select(withoutTestcontainers);
    assertThat(noTc.kind()).isEqualTo(CitusDatabase.Kind.EMBEDDED_POSTGRES);
    assertThat(noTc.notes()).contains("Testcontainers is not on the class path");
    assertThat(withoutTestcontainers.probed).doesNotContain("docker");
  }

  @Test
  void providerCanBeForced() {
    env.variables.put("CITUS_TEST_URL", "jdbc:postgresql://citus/app");
    env.testcontainers = env.docker = true;
    env.variables.put("CITUS_TEST_PROVIDER", "docker");
    assertThat(Providers.select(env).kind()).isEqualTo(CitusDatabase.Kind.CONTAINER_CITUS);
    env.variables.put("CITUS_TEST_PROVIDER", "embedded");
    assertThat(Providers.select(env).kind()).isEqualTo(CitusDatabase.Kind.EMBEDDED_POSTGRES);
    env.variables.put("CITUS_TEST_PROVIDER", "cloud");
    assertThatThrownBy(() -> Providers.select(env)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cloud");
  }

  @Test
  void findsAnInstallationOnlyWhenItsExtensionDirectoryHasCitus(@TempDir Path root) throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    for (String tool : List.of("initdb", "pg_ctl")) {
      Files.writeString(bin.resolve(tool), "#!/bin/sh\n");
      Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path extension = Files.createDirectories(root.resolve("share/postgresql/extension"));
    List<String> notes = new ArrayList<>();
    assertThat(PgInstallation.find(bin.toString(), notes)).isEmpty();
    assertThat(notes).singleElement().asString().contains("has no citus extension");

    Files.writeString(extension.resolve("citus.control"), "default_version = '13.0-1'\n");
    Optional<PgInstallation> found = PgInstallation.find(bin.toString(), new ArrayList<>());
    assertThat(found).contains(new PgInstallation(bin, root.resolve("share/postgresql")));

    List<String> missing = new ArrayList<>();
    assertThat(PgInstallation.find(root.resolve("nowhere").toString(), missing)).isEmpty();
    assertThat(missing).singleElement().asString().contains("no initdb/pg_ctl");
  }

  @Test
  void thisMachineRunsOnEmbeddedPostgres() {
    Providers.Choice choice = Providers.current();
    if (System.getenv("CITUS_TEST_URL") == null && System.getenv("CITUS_PG_BIN") == null) {
      assertThat(choice.notes()).contains("CITUS_TEST_URL is not set");
    }
    assertThat(choice.summary()).isNotBlank();
  }
}
