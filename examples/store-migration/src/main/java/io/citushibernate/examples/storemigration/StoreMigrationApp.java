package io.citushibernate.examples.storemigration;

import io.citushibernate.examples.support.SqlRecorder;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;

/**
 * The Citus migration guide (multi-tenant, stores) end to end: the single-node "before" schema with
 * data, the Liquibase migration (store_id added to line_items and backfilled from orders, composite
 * keys, distribution), the keys before and after from the catalog, and the guide's queries through
 * Hibernate as one store. See README.md.
 */
public final class StoreMigrationApp {
  private static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

  private StoreMigrationApp() {
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

  /** The steps, in the guide's order. */
  public static void run(Options options, Report report) {
    SampleData data = new SampleData(options.stores(), options.ordersPerStore());
    try (Database database = Database.open(options, report)) {
      new BeforeSchema(database.dataSource(), report).create(data);
      Catalog catalog = new Catalog(database.dataSource(), report);
      catalog.printKeys("Keys before the migration");
      SchemaMigration.apply(database.dataSource(), report);
      catalog.printKeys("Keys after the migration");
      catalog.printBackfill();
      catalog.printDistribution(database.isCitus());
      SqlRecorder recorder = new SqlRecorder(database.dataSource());
      try (SessionFactory sessions = Orm.sessionFactory(recorder)) {
        UUID store = options.storeId();
        List<SampleData.Order> own = data.orders().stream().filter(o -> o.storeId().equals(store)).toList();
        // the store's second order (ids interleave across stores), and the next order id, another store's
        SampleData.Order order = own.get(Math.min(1, own.size() - 1));
        Long other = data.orders().stream().filter(o -> o.orderId() > order.orderId() && !o.storeId().equals(store))
            .map(SampleData.Order::orderId).findFirst()
            .orElse(data.orders().stream().filter(o -> !o.storeId().equals(store))
                .map(SampleData.Order::orderId).findFirst().orElse(null));
        new QueryMigration(sessions, recorder, report).run(store, order.orderId(), other);
      }
    }
    report.line("");
    report.line("Done.");
  }
}
