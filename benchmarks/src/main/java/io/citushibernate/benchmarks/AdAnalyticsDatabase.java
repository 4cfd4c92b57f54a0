package io.citushibernate.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsData;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsLoader;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsModel;
import io.citushibernate.schema.CitusDdl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The ad-analytics database on the {@link DatabaseTarget} (embedded PostgreSQL 17 or a Citus
 * cluster), bulk-loaded with {@code tenants} companies. The schema is citus-hibernate's own export
 * for Citus ({@link CitusDdl}: {@code primary key (company_id, id)}, foreign keys through the
 * tenant column, and on Citus the tables distributed by the company, colocated), plus indexes on
 * {@code campaigns(id)} and {@code ads(campaign_id)} so that the unscoped statements of plain
 * Hibernate (load by id, lazy collection) are index lookups too and no variant is slowed down by a
 * missing index.
 *
 * <p>Every tenant gets {@value #CAMPAIGNS_PER_TENANT} campaigns (alternately running and paused),
 * {@value #ADS_PER_CAMPAIGN} ads per campaign and one click per ad: the fixtures' regular
 * {@link AdAnalyticsData}, loaded with COPY by {@link AdAnalyticsLoader}. It numbers ids tenant by
 * tenant, campaign by campaign, so they can be computed ({@link #campaignId}, {@link #adId}) and the
 * workload addresses rows without reading them first.
 */
public final class AdAnalyticsDatabase implements AutoCloseable {
  /** Campaigns of every tenant. */
  public static final int CAMPAIGNS_PER_TENANT = 3;
  /** Ads of every campaign. */
  public static final int ADS_PER_CAMPAIGN = 2;

  /**
   * What the benchmarks add to the exported schema: the text[] column the model does not map but
   * the loader fills (before distribution, so Citus creates it on every shard), and indexes on
   * {@code campaigns(id)} and {@code ads(campaign_id)} so that plain Hibernate's unscoped loads
   * (by id, lazy collections) are index lookups too and no variant is slowed down by a missing
   * index.
   */
  private static final String EXTRA_COLUMN = "alter table campaigns add column blacklisted_site_urls text[]";
  private static final String INDEXES = """
      create index campaigns_id on campaigns (id);
      create index ads_campaign_id on ads (campaign_id);
      create index clicks_ad_id on clicks (company_id, ad_id);
      """;
  private static final String DROP = "drop table if exists companies, campaigns, ads, clicks, impressions, geo_ips "
      + "cascade; drop sequence if exists ads_seq, campaigns_seq, clicks_seq, impressions_seq";

  private final DatabaseTarget target;
  private final int tenants;

  private AdAnalyticsDatabase(DatabaseTarget target, int tenants) {
    this.target = target;
    this.tenants = tenants;
  }

  /** Starts a server and loads {@code tenants} tenants. */
  public static AdAnalyticsDatabase start(int tenants) {
    if (tenants < 1) {
      throw new IllegalArgumentException("tenants must be positive: " + tenants);
    }
    DatabaseTarget target = DatabaseTarget.start();
    AdAnalyticsDatabase db = new AdAnalyticsDatabase(target, tenants);
    try {
      db.load();
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw new IllegalStateException("Cannot load the ad-analytics data", e);
    }
    return db;
  }

  /** How many tenants were loaded: ids 1 to this. */
  public int tenants() {
    return tenants;
  }

  /**
   * Closes each of {@code resources} in order, the {@code null}s skipped, all of them even when one
   * fails; the first failure is thrown with the later ones suppressed.
   */
  static void closeAll(AutoCloseable... resources) {
    IllegalStateException failure = null;
    for (AutoCloseable r : resources) {
      if (r == null) {
        continue;
      }
      try {
        r.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("Cannot close " + r, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The tenant of the {@code n}-th request: round-robin over tenants 1 to {@code tenants}. */
  static long tenantOf(long n, int tenants) {
    return n % tenants + 1;
  }

  /** The campaign (0-based) of the {@code n}-th request: the next one each time round the tenants. */
  static int campaignOf(long n, int tenants) {
    return (int) ((n / tenants) % CAMPAIGNS_PER_TENANT);
  }

  /** The id of campaign {@code k} (0-based) of {@code tenant}. */
  public static long campaignId(long tenant, int k) {
    return (tenant - 1) * CAMPAIGNS_PER_TENANT + k + 1;
  }

  /** The id of ad {@code a} (0-based) of campaign {@code campaignId}. */
  public static long adId(long campaignId, int a) {
    return (campaignId - 1) * ADS_PER_CAMPAIGN + a + 1;
  }

  /** A HikariCP pool of {@code size} connections; pgjdbc's {@code prepareThreshold} as given. */
  public HikariDataSource pool(int size, int prepareThreshold) {
    return pool("bench", size, prepareThreshold, null);
  }

  /**
   * A HikariCP pool named {@code name} of {@code size} connections whose schema (the
   * {@code search_path} each connection starts with) is {@code schema}, or the server's default
   * when {@code null}; pgjdbc's {@code prepareThreshold} as given.
   */
  HikariDataSource pool(String name, int size, int prepareThreshold, String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.jdbcUrl());
    config.setUsername(target.user());
    if (target.password() != null) {
      config.setPassword(target.password());
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setAutoCommit(true);
    config.setPoolName(name);
    if (schema != null) {
      config.setSchema(schema);
    }
    config.addDataSourceProperty("prepareThreshold", Integer.toString(prepareThreshold));
    return new HikariDataSource(config);
  }

  /** A single unpooled connection source, for loading and inspection. */
  public DataSource dataSource() {
    return target.dataSource();
  }

  /** {@code embedded} or {@code citus}: the {@link DatabaseTarget} this database is on. */
  String targetName() {
    return target.name();
  }

  /** Whether the tables are distributed on a Citus cluster. */
  public boolean citus() {
    return target.citus();
  }

  /** The database in one line: versions and, on Citus, nodes and shards. */
  public String describe() {
    return target.describe("campaigns");
  }

  /**
   * Creates the schema from citus-hibernate's own export ({@link CitusDdl}): Hibernate's tables
   * with the composite keys, then, on Citus only, the {@code create_reference_table} and
   * {@code create_distributed_table} calls (companies and the tenant tables distributed by the
   * company, colocated; geo_ips a reference table). Foreign keys and indexes come after COPY,
   * which is faster than checking them row by row.
   */
  private void load() throws SQLException {
    List<String> tables = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> distribution = new ArrayList<>();
    for (String statement : CitusDdl.script(AdAnalyticsModel.ENTITIES).split(";\\s*")) {
      if (statement.isBlank()) {
        continue;
      }
      if (statement.startsWith("select create_")) {
        distribution.add(statement);
      } else if (statement.contains(" foreign key ")) {
        keys.add(statement);
      } else {
        tables.add(statement);
      }
    }
    try (Connection c = dataSource().getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute(DROP);
        for (String sql : tables) {
          s.execute(sql);
        }
        s.execute(EXTRA_COLUMN);
        if (target.citus()) {
          for (String sql : distribution) {
            s.execute(sql);
          }
        }
      }
      AdAnalyticsLoader.copy(c, AdAnalyticsData.regular(tenants, t -> CAMPAIGNS_PER_TENANT, t -> ADS_PER_CAMPAIGN, 1),
          AdAnalyticsLoader.Progress.NONE);
      long lastClick = adId(campaignId(tenants, CAMPAIGNS_PER_TENANT - 1), ADS_PER_CAMPAIGN - 1);
      try (Statement s = c.createStatement()) {
        for (String sql : keys) {
          s.execute(sql);
        }
        s.execute(INDEXES);
        // Hibernate's pooled optimizer: each nextval hands out a block of 50 ids
        s.execute("alter sequence clicks_seq restart with " + (lastClick + 100));
        s.execute("vacuum analyze");
      }
    }
  }

  @Override
  public void close() {
    target.close();
  }
}
