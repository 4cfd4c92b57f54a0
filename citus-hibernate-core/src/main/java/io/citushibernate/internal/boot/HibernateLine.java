package io.citushibernate.internal.boot;

import io.citushibernate.CitusHibernateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.hibernate.Version;

/**
 * Fails the boot when the running Hibernate ORM is of another major line than the one these
 * classes were compiled against. Hibernate 6 and 7 differ in binary form: a mismatched build boots,
 * exports the schema, then fails at its first insert with a {@code NoSuchMethodError}. Minor
 * versions of one line are compatible (the 7.x build is tested on 7.2 and 7.4).
 */
final class HibernateLine {
  private static final String RESOURCE = "hibernate-line.properties";

  private HibernateLine() {
  }

  /** Checks the running Hibernate against the recorded one. */
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
    if (!major(compiledAgainst).equals(major(running))) {
      throw new CitusHibernateException("citus-hibernate-core was built for Hibernate ORM " + compiledAgainst
          + " but Hibernate ORM " + running + " is running; the two lines differ in binary form and the first "
          + "write would fail. Use the citus-hibernate build for Hibernate " + major(running) + ".x (for 6.6: built "
          + "with -Phibernate6), or the Hibernate line it was built for.");
    }
  }

  private static String major(String version) {
    int dot = version.indexOf('.');
    return dot < 0 ? version : version.substring(0, dot);
  }
}
