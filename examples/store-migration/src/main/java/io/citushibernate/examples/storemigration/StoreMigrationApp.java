package io.citushibernate.examples.storemigration;

import io.citushibernate.examples.support.Database;
import io.citushibernate.examples.support.ExampleMain;
import io.citushibernate.examples.support.LiquibaseMigration;
import io.citushibernate.examples.support.Orm;
import io.citushibernate.examples.support.Report;
import io.citushibernate.examples.support.SqlRecorder;
import io.citushibernate.fixtures.store.StoreModel;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * The Citus migration guide (multi-tenant, stores) end to end: the single-node "before" schema with
 * data, the Liquibase migration (store_id added to line_items and backfilled from orders, composite
 * keys, distribution), the keys before and after from the catalog, and the guide's queries through
 * Hibernate as one store. See README.md.
 */
public final class StoreMigrationApp {
  static final String CHANGELOG = "db/store-migration.xml";

  private StoreMigrationApp() {
  }

  public static void main(String[] args) {
    ExampleMain.exit(run(args, System.out));
  }

  /** Runs the example, printing to {@code out}; returns the process exit status. */
  public static int run(String[] args, PrintStream out) {
    return ExampleMain.run(args, out, Options.USAGE, Options::parse, StoreMigrationApp::run);
  }

  /** The steps, in the guide's order. */
  public static void run(Options options, Report report) {
    SampleData data = new SampleData(options.stores(), options.ordersPerStore());
    try (Database database = Database.open(options, report, "store-migration")) {
      new BeforeSchema(database.dataSource(), report).create(data);
      Catalog catalog = new Catalog(database.dataSource(), report);
      catalog.printKeys("Keys before the migration");
      migrate(database.dataSource(), report);
      catalog.printKeys("Keys after the migration");
      catalog.printBackfill();
      catalog.printDistribution(database.isCitus());
      SqlRecorder recorder = new SqlRecorder(database.dataSource());
      try (SessionFactory sessions = Orm.sessionFactory(recorder, StoreModel.ENTITIES)) {
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

  /**
   * Applies {@link #CHANGELOG}: the migration guide's new store_id column and its backfill, the
   * composite keys, and the citus-liquibase changes that distribute the tables.
   */
  static void migrate(DataSource dataSource, Report report) {
    LiquibaseMigration.apply(dataSource, report, "Migration", CHANGELOG);
  }
}
