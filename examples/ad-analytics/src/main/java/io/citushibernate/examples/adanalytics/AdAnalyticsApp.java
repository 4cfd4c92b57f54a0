package io.citushibernate.examples.adanalytics;

import io.citushibernate.examples.support.Database;
import io.citushibernate.examples.support.ExampleMain;
import io.citushibernate.examples.support.LiquibaseMigration;
import io.citushibernate.examples.support.Orm;
import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.SqlRecorder;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsData;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsModel;
import java.io.PrintStream;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * The Citus multi-tenant tutorial (ad analytics) end to end: schema through Liquibase, data through
 * COPY, the tutorial's queries through Hibernate as one tenant, and on Citus the isolation of the
 * largest tenant. See README.md.
 */
public final class AdAnalyticsApp {
  static final String CHANGELOG = "db/changelog.xml";

  private AdAnalyticsApp() {
  }

  public static void main(String[] args) {
    ExampleMain.exit(run(args, System.out));
  }

  /** Runs the example, printing to {@code out}; returns the process exit status. */
  public static int run(String[] args, PrintStream out) {
    return ExampleMain.run(args, out, Options.USAGE, Options::parse, AdAnalyticsApp::run);
  }

  /** The steps, in the tutorial's order. */
  public static void run(Options options, Report report) {
    try (Database database = Database.open(options, report, "ad-analytics")) {
      migrate(database.dataSource(), report);
      new BulkLoader(database.dataSource(), report).load(
          AdAnalyticsData.realistic(options.tenants(), options.rowsPerTenant()));
      SqlRecorder recorder = new SqlRecorder(database.dataSource());
      try (SessionFactory sessions = Orm.sessionFactory(recorder, AdAnalyticsModel.ENTITIES)) {
        new TutorialWalkthrough(sessions, recorder, report).run(options.tenant());
      }
      new TenantIsolation(database.dataSource(), report).run(database.isCitus());
    }
    report.line("");
    report.line("Done.");
  }

  /** Applies {@link #CHANGELOG}: the tutorial's tables, keys and indexes, and their distribution. */
  static void migrate(DataSource dataSource, Report report) {
    LiquibaseMigration.apply(dataSource, report, "Schema", CHANGELOG);
  }
}
