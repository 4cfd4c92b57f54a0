package io.citushibernate.examples.adanalytics;

import io.citushibernate.examples.support.CommandLine;
import io.citushibernate.examples.support.ExampleOptions;
import java.util.Map;

/**
 * The command line: the database (see {@link ExampleOptions}) and how much data to generate.
 *
 * @param jdbcUrl database to use, e.g. a Citus coordinator; {@code null} for the embedded PostgreSQL
 * @param user user for {@code jdbcUrl}; {@code null} to take it from the URL
 * @param password password for {@code jdbcUrl}; {@code null} to take it from the URL
 * @param tenants how many companies to generate
 * @param rowsPerTenant clicks plus impressions per company on average
 * @param tenant the company the tutorial's queries run as
 * @param tenancy the tenancy model: a tenant column in shared tables, or a schema per tenant
 * @param help whether to print the usage only
 */
public record Options(String jdbcUrl, String user, String password, int tenants, int rowsPerTenant, long tenant,
    Tenancy tenancy, boolean help) implements ExampleOptions {

  /** The two tenancy models of {@code citus.hibernate.tenancy}. */
  public enum Tenancy {
    /** Shared tables distributed by company_id; every statement scoped by the tenant predicate. */
    ROW,
    /** A schema per company (a distributed schema on Citus); every statement runs in its tenant's schema. */
    SCHEMA
  }

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
        --tenancy row|schema   row: shared tables distributed by company_id (default);
                               schema: a schema per company, a distributed schema on Citus
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
    CommandLine line = CommandLine.parse(args, env, "--tenants", "--rows-per-tenant", "--tenant", "--tenancy");
    if (line.help()) {
      return new Options(line.jdbcUrl(), line.user(), line.password(), 1, 1, 1, Tenancy.ROW, true);
    }
    int tenants = line.number("--tenants", 100);
    long queried = line.has("--tenant") ? line.number("--tenant", 0)
        : tenants >= TUTORIAL_TENANT ? TUTORIAL_TENANT : 1;
    return new Options(line.jdbcUrl(), line.user(), line.password(), tenants, line.number("--rows-per-tenant", 200),
        queried, tenancy(line.text("--tenancy", "row")), false);
  }

  private static Tenancy tenancy(String value) {
    return switch (value) {
      case "row" -> Tenancy.ROW;
      case "schema" -> Tenancy.SCHEMA;
      default -> throw new IllegalArgumentException("--tenancy must be row or schema, not " + value);
    };
  }
}
