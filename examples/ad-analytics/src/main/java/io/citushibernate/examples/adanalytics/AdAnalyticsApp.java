package io.citushibernate.examples.adanalytics;

import io.citushibernate.examples.support.SqlRecorder;

import java.io.PrintStream;
import org.hibernate.SessionFactory;

/**
 * The Citus multi-tenant tutorial (ad analytics) end to end: schema through Liquibase, data through
 * COPY, the tutorial's queries through Hibernate as one tenant, and on Citus the isolation of the
 * largest tenant. See README.md.
 */
public final class AdAnalyticsApp {
  private static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

  private AdAnalyticsApp() {
  }

  public static void main(String[] args) {
    int status = run(args, System.out);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the example, printing to {@code out}; returns the process exit status. */
  public static int run(String[] args, PrintStream out) {
    quietLibraries();
    Report report = new Report(out);
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      out.print(Options.USAGE);
      return 2;
    }
    if (options.help()) {
      out.print(Options.USAGE);
      return 0;
    }
    run(options, report);
    return 0;
  }

  /**
   * Hibernate logs through JBoss Logging, which would pick java.util.logging and print INFO lines;
   * routed to slf4j-simple they follow simplelogger.properties (warnings only), like everything else.
   */
  private static void quietLibraries() {
    if (System.getProperty(JBOSS_LOGGING_PROVIDER) == null) {
      System.setProperty(JBOSS_LOGGING_PROVIDER, "slf4j");
    }
  }

  /** The steps, in the tutorial's order. */
  public static void run(Options options, Report report) {
    try (Database database = Database.open(options, report)) {
      SchemaMigration.apply(database.dataSource(), report);
      new BulkLoader(database.dataSource(), report).load(new SampleData(options.tenants(), options.rowsPerTenant()));
      SqlRecorder recorder = new SqlRecorder(database.dataSource());
      try (SessionFactory sessions = Orm.sessionFactory(recorder)) {
        new TutorialWalkthrough(sessions, recorder, report).run(options.tenant());
      }
      new TenantIsolation(database.dataSource(), report).run(database.isCitus());
    }
    report.line("");
    report.line("Done.");
  }
}
