package io.citushibernate.internal.boot;

import io.citushibernate.CitusHibernateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.hibernate.Version;

/**
 * The Hibernate ORM lines citus-hibernate-core is published for, one artifact each, built from the
 * same sources. The boot fails when the running Hibernate is not of the line the jar was compiled
 * against, naming the artifact to depend on instead: the lines differ in binary form, and a
 * mismatched jar boots, exports the schema, then fails at its first insert with a
 * {@code NoSuchMethodError}. Within 7.x the minor versions are compatible (the 7.x jar is tested on
 * 7.2 and 7.4); Hibernate 6 changed binary form between minors, so the 6.6 jar requires 6.6.
 */
enum HibernateLine {
  HIBERNATE_7("7.x", "citus-hibernate-core"),
  HIBERNATE_66("6.6", "citus-hibernate-core-hibernate-66");

  private static final String RESOURCE = "hibernate-line.properties";
  private static final String GROUP_ID = "io.citushibernate";

  private final String label;
  private final String artifactId;

  HibernateLine(String label, String artifactId) {
    this.label = label;
    this.artifactId = artifactId;
  }

  /** The line a Hibernate ORM version belongs to, if an artifact is published for it. */
  static Optional<HibernateLine> of(String version) {
    String[] parts = version.split("\\.");
    if (parts[0].equals("7")) {
      return Optional.of(HIBERNATE_7);
    }
    if (parts[0].equals("6") && parts.length > 1 && parts[1].equals("6")) {
      return Optional.of(HIBERNATE_66);
    }
    return Optional.empty();
  }

  /** Checks the running Hibernate against the one this jar was compiled against. */
  static void check() {
    check(compiledAgainst(), Version.getVersionString());
  }

  /** The Hibernate version these classes were compiled against, as the build recorded it. */
  static String compiledAgainst() {
    Properties recorded = new Properties();
    try (InputStream in = HibernateLine.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the citus-hibernate-core jar");
      }
      recorded.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return recorded.getProperty("compiled.against");
  }

  static void check(String compiledAgainst, String running) {
    HibernateLine built = of(compiledAgainst).orElseThrow(() -> new IllegalStateException(
        "citus-hibernate-core was compiled against Hibernate ORM " + compiledAgainst + ", a line it is not published for"));
    Optional<HibernateLine> needed = of(running);
    if (needed.equals(Optional.of(built))) {
      return;
    }
    String prefix = built.artifactId + " was built for Hibernate " + built.label + " (" + compiledAgainst
        + ") but Hibernate ORM " + running + " is running: ";
    String why = " (the lines differ in binary form: the first write would fail).";
    throw new CitusHibernateException(needed
        .map(line -> prefix + "depend on " + line.coordinates() + " instead" + why)
        .orElseGet(() -> prefix + "no citus-hibernate artifact supports that line; run one of "
            + Arrays.stream(values()).map(line -> "Hibernate " + line.label + " with " + line.coordinates())
                .collect(Collectors.joining(", "))
            + why));
  }

  private String coordinates() {
    return GROUP_ID + ":" + artifactId;
  }
}
