package io.citushibernate.examples.storemigration;

import io.citushibernate.examples.support.CommandLine;
import io.citushibernate.examples.support.ExampleOptions;
import java.util.Map;
import java.util.UUID;

/**
 * The command line: the database (see {@link ExampleOptions}), how much data to generate and which
 * store the queries run as.
 *
 * @param jdbcUrl database to use, e.g. a Citus coordinator; {@code null} for the embedded PostgreSQL
 * @param user user for {@code jdbcUrl}; {@code null} to take it from the URL
 * @param password password for {@code jdbcUrl}; {@code null} to take it from the URL
 * @param stores how many stores to generate
 * @param ordersPerStore orders per store
 * @param store the store (1-based number) the guide's queries run as
 * @param help whether to print the usage only
 */
public record Options(String jdbcUrl, String user, String password, int stores, int ordersPerStore, int store,
    boolean help) implements ExampleOptions {

  static final String USAGE = """
      Usage: StoreMigrationApp [options]
        --jdbc-url URL          database to use, e.g. a Citus coordinator (or env CITUS_URL);
                                default: start an embedded PostgreSQL. The example DROPS and recreates
                                the tables stores, products, orders and line_items there.
        --user NAME             database user (default: from the URL)
        --password SECRET       database password (default: from the URL)
        --stores N              stores to generate (default 4)
        --orders-per-store N    orders per store (default 25)
        --store N|UUID          store to run the guide's queries as: its number or store_id
                                (default 1, the guide's 8c69aa0d-3f13-4440-86ca-443566c1fc75)
        --help                  print this and exit
      """;

  public Options {
    if (stores < 1) {
      throw new IllegalArgumentException("--stores must be at least 1, not " + stores);
    }
    if (ordersPerStore < 1) {
      throw new IllegalArgumentException("--orders-per-store must be at least 1, not " + ordersPerStore);
    }
    if (store < 1 || store > stores) {
      throw new IllegalArgumentException("--store must be a generated store, 1.." + stores + ", not " + store);
    }
  }

  /** The store_id of the store the queries run as. */
  public UUID storeId() {
    return SampleData.storeId(store);
  }

  /** Parses {@code --name value} and {@code --name=value} options; {@code env} supplies CITUS_URL. */
  public static Options parse(String[] args, Map<String, String> env) {
    CommandLine line = CommandLine.parse(args, env, "--stores", "--orders-per-store", "--store");
    if (line.help()) {
      return new Options(line.jdbcUrl(), line.user(), line.password(), 1, 1, 1, true);
    }
    int stores = line.number("--stores", 4);
    return new Options(line.jdbcUrl(), line.user(), line.password(), stores, line.number("--orders-per-store", 25),
        storeNumber(line.text("--store", "1"), stores), false);
  }

  /** A store number as given, or the number of the generated store with that store_id. */
  private static int storeNumber(String value, int stores) {
    if (value.contains("-")) {
      UUID id;
      try {
        id = UUID.fromString(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--store needs a store number or a store_id UUID, not '" + value + "'", e);
      }
      for (int n = 1; n <= stores; n++) {
        if (SampleData.storeId(n).equals(id)) {
          return n;
        }
      }
      throw new IllegalArgumentException("--store " + id + " is none of the " + stores + " generated stores");
    }
    return CommandLine.number("--store", value);
  }
}
