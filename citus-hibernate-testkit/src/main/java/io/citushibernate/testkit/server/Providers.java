package io.citushibernate.testkit.server;

import io.citushibernate.testkit.CitusDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the database the tests of this JVM run on, best first: the Citus cluster of
 * {@code CITUS_TEST_URL}; a local Citus cluster from an installed PostgreSQL with the citus
 * extension; a Citus cluster in Docker; embedded PostgreSQL. Starts it once and stops it when the
 * JVM exits.
 */
public final class Providers {
  private static final Logger LOG = LoggerFactory.getLogger(Providers.class);
  private static final Set<String> FORCEABLE = Set.of("external", "local", "docker", "embedded");

  /** What the selection looks at; the real one reads the process environment. */
  interface Environment {
    /** An environment variable, {@code null} when unset. */
    String variable(String name);

    /** A system property, {@code null} when unset. */
    String property(String name);

    /** The local PostgreSQL with Citus, from {@code configuredBin} or {@code pg_config}. */
    Optional<PgInstallation> citusInstallation(String configuredBin, List<String> notes);

    boolean testcontainersOnClassPath();

    boolean dockerAvailable();
  }

  /**
   * The selected provider.
   *
   * @param kind the kind of database
   * @param detail the provider in words
   * @param notes why each better provider was passed over
   * @param url the JDBC URL of an external cluster
   * @param installation the local installation for {@link CitusDatabase.Kind#LOCAL_CITUS}
   */
  public record Choice(CitusDatabase.Kind kind, String detail, List<String> notes, String url,
      PgInstallation installation) {
    public Choice {
      notes = List.copyOf(notes);
    }

    /** The provider and why each better one was passed over, in one line. */
    public String summary() {
      return detail + (notes.isEmpty() ? "" : " [" + String.join("; ", notes) + "]");
    }
  }

  private static Choice current;
  private static Server server;

  private Providers() {
  }

  /** Applies the provider order to {@code env}. */
  static Choice select(Environment env) {
    List<String> notes = new ArrayList<>();
    String forced = setting(env, "CITUS_TEST_PROVIDER", "citus.test.provider");
    if (forced != null) {
      forced = forced.trim().toLowerCase(Locale.ROOT);
      if (!FORCEABLE.contains(forced)) {
        throw new IllegalArgumentException("CITUS_TEST_PROVIDER=" + forced + ": expected one of " + FORCEABLE);
      }
      notes.add("CITUS_TEST_PROVIDER=" + forced);
    }
    if (forced == null || forced.equals("external")) {
      String url = setting(env, "CITUS_TEST_URL", "citus.test.url");
      if (url != null && !url.isBlank()) {
        return new Choice(CitusDatabase.Kind.EXTERNAL_CITUS, "Citus cluster at " + redact(url) + " (CITUS_TEST_URL)",
            notes, url.trim(), null);
      }
      notes.add("CITUS_TEST_URL is not set");
    }
    if (forced == null || forced.equals("local")) {
      String bin = setting(env, "CITUS_PG_BIN", "citus.pg.bin");
      Optional<PgInstallation> pg = env.citusInstallation(bin, notes);
      if (pg.isPresent()) {
        return new Choice(CitusDatabase.Kind.LOCAL_CITUS, "local Citus cluster (coordinator and 2 workers) from "
            + pg.get().bin(), notes, null, pg.get());
      }
    }
    if (forced == null || forced.equals("docker")) {
      if (!env.testcontainersOnClassPath()) {
        notes.add("Testcontainers is not on the class path");
      } else if (!env.dockerAvailable()) {
        notes.add("Docker is not available");
      } else {
        return new Choice(CitusDatabase.Kind.CONTAINER_CITUS, "Citus cluster in Docker (Testcontainers)", notes,
            null, null);
      }
    }
    return new Choice(CitusDatabase.Kind.EMBEDDED_POSTGRES, "embedded PostgreSQL, no Citus", notes, null, null);
  }

  /** The choice for this JVM, made once and printed. */
  public static synchronized Choice current() {
    if (current == null) {
      current = select(new SystemEnvironment());
      String line = "[citus-hibernate-testkit] test database: " + current.summary();
      System.out.println(line);
      LOG.info(line);
    }
    return current;
  }

  /** The server of {@link #current()}, started on first use. */
  public static synchronized Server server() {
    if (server == null) {
      Choice choice = current();
      Environment env = new SystemEnvironment();
      server = switch (choice.kind()) {
        case EXTERNAL_CITUS -> new ExternalServer(choice.url(), setting(env, "CITUS_TEST_USER", "citus.test.user"),
            setting(env, "CITUS_TEST_PASSWORD", "citus.test.password"));
        case LOCAL_CITUS -> new LocalCitusCluster(choice.installation().bin())
            .withOsUser(setting(env, "CITUS_PG_USER", "citus.pg.user")).withWorkers(2).start();
        case CONTAINER_CITUS -> new ContainerServer(setting(env, "CITUS_TEST_IMAGE", "citus.test.image"));
        case EMBEDDED_POSTGRES -> new EmbeddedServer();
      };
      Server started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "citus-testkit-shutdown"));
      String line = "[citus-hibernate-testkit] started " + started.description();
      System.out.println(line);
      LOG.info(line);
    }
    return server;
  }

  /** A system property, else an environment variable. */
  static String setting(Environment env, String variable, String property) {
    String p = env.property(property);
    if (p != null && !p.isBlank()) {
      return p;
    }
    String v = env.variable(variable);
    return v == null || v.isBlank() ? null : v;
  }

  /** {@code url} without its password. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]+):[^@/]*@", "//$1:***@");
  }

  /** The process's environment, system properties, installed PostgreSQL and Docker. */
  static final class SystemEnvironment implements Environment {
    @Override
    public String variable(String name) {
      return System.getenv(name);
    }

    @Override
    public String property(String name) {
      return System.getProperty(name);
    }

    @Override
    public Optional<PgInstallation> citusInstallation(String configuredBin, List<String> notes) {
      return PgInstallation.find(configuredBin, notes);
    }

    @Override
    public boolean testcontainersOnClassPath() {
      try {
        Class.forName("org.testcontainers.DockerClientFactory", false, Providers.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }

    @Override
    public boolean dockerAvailable() {
      return ContainerServer.dockerAvailable();
    }
  }
}
