package io.citushibernate.examples.adanalytics;

import java.util.Map;

/**
 * The command line. Without {@code --jdbc-url} (or {@code CITUS_URL}) the example starts its own
 * PostgreSQL, so that it runs on a machine with nothing but Java.
 *
 * @param jdbcUrl database to use, e.g. a Citus coordinator; {@code null} for the embedded PostgreSQL
 * @param user user for {@code jdbcUrl}; {@code null} to take it from the URL
 * @param password password for {@code jdbcUrl}; {@code null} to take it from the URL
 * @param tenants how many companies to generate
 * @param rowsPerTenant clicks plus impressions per company on average
 * @param tenant the company the tutorial's queries run as
 * @param help whether to print the usage only
 */
public record Options(String jdbcUrl, String user, String password, int tenants, int rowsPerTenant, long tenant,
    boolean help) {

  /** The tutorial's own example tenant, whenever there are that many companies. */
  static final long TUTORIAL_TENANT = 5;

  static final String USAGE = """
      Usage: AdAnalyticsApp [options]
        --jdbc-url URL         database to use, e.g. a Citus coordinator (or env CITUS_URL);
                               default: start an embedded PostgreSQL
        --user NAME            database user (default: from the URL)
        --password SECRET      database password (default: from the URL)
        --tenants N            companies to generate (default 100)
        --rows-per-tenant N    clicks + impressions per company on average (default 200)
        --tenant ID            company to run the tutorial's queries as (default 5, or 1 with fewer companies)
        --help                 print this and exit
      """;

  public Options {
    if (tenants < 1) {
      throw new IllegalArgumentException("--tenants must be at least 1, not " + tenants);
    }
    if (rowsPerTenant < 1) {
      throw new IllegalArgumentException("--rows-per-tenant must be at least 1, not " + rowsPerTenant);
    }
    if (tenant < 1 || tenant > tenants) {
      throw new IllegalArgumentException("--tenant must be a generated company, 1.." + tenants + ", not " + tenant);
    }
  }

  /** Parses {@code --name value} and {@code --name=value} options; {@code env} supplies CITUS_URL. */
  public static Options parse(String[] args, Map<String, String> env) {
    String url = blankToNull(env.get("CITUS_URL"));
    String user = null;
    String password = null;
    int tenants = 100;
    int rows = 200;
    Long tenant = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new Options(url, user, password, 1, 1, 1, true);
      }
      String name = arg;
      String value;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("Missing value for " + arg);
      }
      switch (name) {
        case "--jdbc-url" -> url = blankToNull(value);
        case "--user" -> user = value;
        case "--password" -> password = value;
        case "--tenants" -> tenants = number(name, value);
        case "--rows-per-tenant" -> rows = number(name, value);
        case "--tenant" -> tenant = (long) number(name, value);
        default -> throw new IllegalArgumentException("Unknown option " + name);
      }
    }
    long queried = tenant != null ? tenant : tenants >= TUTORIAL_TENANT ? TUTORIAL_TENANT : 1;
    return new Options(url, user, password, tenants, rows, queried, false);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'", e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
