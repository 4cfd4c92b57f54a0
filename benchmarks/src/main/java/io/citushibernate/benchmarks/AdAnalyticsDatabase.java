package io.citushibernate.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsData;
import io.citushibernate.fixtures.adanalytics.AdAnalyticsLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * An embedded PostgreSQL 17 server holding the Citus ad-analytics schema, bulk-loaded with
 * {@code tenants} companies. The keys are the ones citus-hibernate's schema export produces on
 * Citus ({@code primary key (company_id, id)}, foreign keys through the tenant column), plus
 * indexes on {@code campaigns(id)} and {@code ads(campaign_id)} so that the unscoped statements of
 * plain Hibernate (load by id, lazy collection) are index lookups too and no variant is slowed
 * down by a missing index.
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
   * The model's tables as Hibernate exports them, keys below, and campaigns.blacklisted_site_urls, which the model
   * does not map but the loader fills.
   */
  private static final String SCHEMA = """
      create table companies (
        id bigint not null, name varchar(255) not null, image_url varchar(255),
        created_at timestamp(6), updated_at timestamp(6),
        primary key (id));
      create table campaigns (
        id bigint not null, company_id bigint not null, name varchar(255) not null,
        cost_model varchar(255) not null, state varchar(255) not null, monthly_budget integer,
        blacklisted_site_urls text[], created_at timestamp(6) not null, updated_at timestamp(6) not null,
        primary key (company_id, id));
      create table ads (
        id bigint not null, company_id bigint not null, campaign_id bigint not null,
        name varchar(255) not null, image_url varchar(255) not null, target_url varchar(255) not null,
        impressions_count bigint not null, clicks_count bigint not null,
        created_at timestamp(6) not null, updated_at timestamp(6) not null,
        primary key (company_id, id));
      create table clicks (
        id bigint not null, company_id bigint not null, ad_id bigint not null,
        clicked_at timestamp(6) not null, site_url varchar(255) not null,
        cost_per_click_usd float(53) not null, user_ip varchar(255) not null, user_data jsonb not null,
        primary key (company_id, id));
      create table impressions (
        id bigint not null, company_id bigint not null, ad_id bigint not null,
        seen_at timestamp(6) not null, site_url varchar(255) not null,
        cost_per_impression_usd float(53) not null, user_ip varchar(255) not null, user_data jsonb not null,
        primary key (company_id, id));
      create table geo_ips (
        addrs varchar(255) not null, latlon varchar(255) not null,
        primary key (addrs));
      """;

  private static final String KEYS = """
      alter table campaigns add foreign key (company_id) references companies (id);
      alter table ads add foreign key (company_id, campaign_id) references campaigns (company_id, id);
      alter table clicks add foreign key (company_id, ad_id) references ads (company_id, id);
      alter table impressions add foreign key (company_id, ad_id) references ads (company_id, id);
      create index campaigns_id on campaigns (id);
      create index ads_campaign_id on ads (campaign_id);
      create index clicks_ad_id on clicks (company_id, ad_id);
      """;

  private final EmbeddedPostgres server;
  private final int tenants;

  private AdAnalyticsDatabase(EmbeddedPostgres server, int tenants) {
    this.server = server;
    this.tenants = tenants;
  }

  /** Starts a server and loads {@code tenants} tenants. */
  public static AdAnalyticsDatabase start(int tenants) {
    if (tenants < 1) {
      throw new IllegalArgumentException("tenants must be positive: " + tenants);
    }
    EmbeddedPostgres server;
    try {
      server = EmbeddedPostgres.builder()
          // a benchmark database: durability off, so commits measure the server's work, not the disk
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("shared_buffers", "256MB")
          .setServerConfig("max_connections", "100")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
    AdAnalyticsDatabase db = new AdAnalyticsDatabase(server, tenants);
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
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setAutoCommit(true);
    config.setPoolName("bench");
    config.addDataSourceProperty("prepareThreshold", Integer.toString(prepareThreshold));
    return new HikariDataSource(config);
  }

  /** A single unpooled connection source, for loading and inspection. */
  public DataSource dataSource() {
    return server.getPostgresDatabase();
  }

  /** {@code select version()}. */
  public String serverVersion() {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select version()")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void load() throws SQLException {
    try (Connection c = dataSource().getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute(SCHEMA);
      }
      AdAnalyticsLoader.copy(c, AdAnalyticsData.regular(tenants, t -> CAMPAIGNS_PER_TENANT, t -> ADS_PER_CAMPAIGN, 1),
          AdAnalyticsLoader.Progress.NONE);
      long lastClick = adId(campaignId(tenants, CAMPAIGNS_PER_TENANT - 1), ADS_PER_CAMPAIGN - 1);
      try (Statement s = c.createStatement()) {
        s.execute(KEYS);
        // Hibernate's pooled optimizer: each nextval hands out a block of 50 ids
        s.execute("create sequence clicks_seq start with " + (lastClick + 100) + " increment by 50");
        s.execute("vacuum analyze");
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
