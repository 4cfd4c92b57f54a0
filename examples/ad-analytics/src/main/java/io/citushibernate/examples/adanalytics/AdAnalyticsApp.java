package io.citushibernate.examples.adanalytics;

import io.citushibernate.examples.support.Database;
import io.citushibernate.examples.support.ExampleMain;
import io.citushibernate.examples.support.LiquibaseMigration;
import io.citushibernate.examples.support.Orm;
import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.SqlRecorder;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsData;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsModel;
import io.citushibernate.tenancy.CitusTenants;
import java.io.PrintStream;
import java.util.List;
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
    if (options.tenancy() == Options.Tenancy.SCHEMA) {
      runSchemaPerTenant(options, report);
      return;
    }
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

  /**
   * The same steps with a schema per company ({@code --tenancy schema}): the shared table once, a schema per company
   * with its tables from the same changelog, the data company by company, the same queries (sent as written: the
   * schema is the scope), and on Citus the largest tenant's schema moved to another node.
   */
  static void runSchemaPerTenant(Options options, Report report) {
    try (Database database = Database.open(options, report, "ad-analytics")) {
      SchemaPerTenant schemas = new SchemaPerTenant(database.dataSource(), report);
      List<Long> companies = SchemaPerTenant.companies(options.tenants());
      schemas.migrateShared();
      SqlRecorder recorder = new SqlRecorder(database.dataSource());
      try (SessionFactory sessions = Orm.sessionFactory(recorder, AdAnalyticsModel.ENTITIES, schemas.settings())) {
        CitusTenants tenants = CitusTenants.of(sessions);
        schemas.createTenants(tenants, companies);
        new BulkLoader(database.dataSource(), report).loadBySchema(
            AdAnalyticsData.realistic(options.tenants(), options.rowsPerTenant()), tenants::schemaOf);
        new TutorialWalkthrough(sessions, recorder, report).runSchemaPerTenant(options.tenant(), companies);
        schemas.bigTenants(tenants, companies, database.isCitus());
      }
    }
    report.line("");
    report.line("Done.");
  }

  /** Applies {@link #CHANGELOG}: the tutorial's tables, keys and indexes, and their distribution. */
  static void migrate(DataSource dataSource, Report report) {
    LiquibaseMigration.apply(dataSource, report, "Schema", CHANGELOG);
  }
}
