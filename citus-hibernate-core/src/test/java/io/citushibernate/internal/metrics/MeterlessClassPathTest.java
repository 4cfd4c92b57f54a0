package io.citushibernate.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: the library, loaded by a class loader that cannot see
 * {@code io.micrometer.core}, scopes statements, opens cross-tenant scopes and refuses a registry
 * setting it cannot honour, and never asks for a Micrometer class outside {@link MicrometerMeters}.
 */
class MeterlessClassPathTest {

  @Test
  void theLibraryRunsWithoutMicrometer() throws Exception {
    List<String> askedFor = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        URLClassLoader withoutMicrometer = new WithoutMicrometer(askedFor)) {
      @SuppressWarnings("unchecked")
      Function<DataSource, List<String>> run = (Function<DataSource, List<String>>) withoutMicrometer
          .loadClass(Scenario.class.getName()).getDeclaredConstructor().newInstance();
      assertThat(run.getClass().getClassLoader()).isSameAs(withoutMicrometer);

      List<String> results = run.apply(postgres.getPostgresDatabase());

      assertThat(results).containsExactly("tenant 7: seven", "cross-tenant: 2",
          "refused: Invalid value 'a registry' for Hibernate property citus.hibernate.meter_registry: expected a "
              + "io.micrometer.core.instrument.MeterRegistry, with Micrometer (io.micrometer:micrometer-core) on the "
              + "class path");
      assertThat(askedFor).containsExactly("io.micrometer.core.instrument.MeterRegistry"); // Meters' presence check
    }
  }

  /** Loads every class of the test class path itself, except Micrometer's, which it does not find. */
  private static final class WithoutMicrometer extends URLClassLoader {
    private final List<String> askedFor;

    WithoutMicrometer(List<String> askedFor) throws Exception {
      super(classPath(), ClassLoader.getPlatformClassLoader());
      this.askedFor = askedFor;
    }

    private static URL[] classPath() throws Exception {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(new File(entry).toURI().toURL());
      }
      return urls.toArray(URL[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.micrometer.core.")) {
        askedFor.add(name);
        throw new ClassNotFoundException(name + " (hidden by the test)");
      }
      return super.loadClass(name, resolve);
    }
  }

  /** Runs inside the loader without Micrometer; public for that loader's reflection. */
  public static final class Scenario implements Function<DataSource, List<String>> {
    @Override
    public List<String> apply(DataSource database) {
      List<String> results = new ArrayList<>();
      try (java.sql.Connection c = database.getConnection(); java.sql.Statement s = c.createStatement()) {
        s.execute("create table projects (tenant_id bigint, id bigint, name text);"
            + "insert into projects values (7, 1, 'seven'), (8, 1, 'eight')");
        DataSource scoped = io.citushibernate.jdbc.TenantScopedDataSource.wrap(database)
            .tenantTable("projects", "tenant_id").build();
        results.add("tenant 7: " + io.citushibernate.tenant.TenantContext.call(7L, () -> first(scoped,
            "select name from projects where id = 1")));
        results.add("cross-tenant: " + io.citushibernate.tenant.TenantContext.getCrossTenant("test: both tenants",
            () -> first(scoped, "select count(*) from projects")));
        try {
          io.citushibernate.jdbc.TenantScopedDataSource.wrap(database)
              .setting(io.citushibernate.CitusSettings.METER_REGISTRY, "a registry").build();
        } catch (io.citushibernate.InvalidSettingException e) {
          results.add("refused: " + e.getMessage());
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return results;
    }

    private static String first(DataSource scoped, String sql) {
      try (java.sql.Connection c = scoped.getConnection(); java.sql.Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getString(1);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
