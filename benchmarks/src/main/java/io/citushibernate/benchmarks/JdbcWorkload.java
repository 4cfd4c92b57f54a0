package io.citushibernate.benchmarks;

import static io.citushibernate.benchmarks.AdAnalyticsDatabase.adId;
import static io.citushibernate.benchmarks.AdAnalyticsDatabase.campaignId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.util.PGobject;

/**
 * The workload in plain JDBC: the SQL Hibernate generates for the same operations, scoped to the
 * tenant on every tenant table, rows read into small records. With {@code inline} the tenant is
 * written into the SQL text as a literal (as citus-hibernate sends it), otherwise it is a bind
 * parameter. Click ids come from an in-memory counter (Hibernate fetches a block of 50 from a
 * sequence).
 */
public final class JdbcWorkload implements Workload {
  /** A placeholder in the SQL below for the tenant: a bind parameter or a literal. */
  private static final String T = "\u0001";

  private static final String CAMPAIGN_COLUMNS = "c1_0.id,c1_0.company_id,c1_0.cost_model,c1_0.created_at,"
      + "c1_0.monthly_budget,c1_0.name,c1_0.state,c1_0.updated_at";
  private static final Sql FIND = new Sql("select " + CAMPAIGN_COLUMNS + " from campaigns c1_0 where c1_0.id=? "
      + "and c1_0.company_id=" + T);
  private static final Sql LIST = new Sql("select " + CAMPAIGN_COLUMNS + " from campaigns c1_0 "
      + "where c1_0.company_id=" + T + " order by c1_0.id");
  private static final Sql STATS = new Sql("select c1_0.id,c1_0.name,c1_0.monthly_budget,sum(a1_0.impressions_count),"
      + "sum(a1_0.clicks_count) from ads a1_0 join campaigns c1_0 on c1_0.id=a1_0.campaign_id "
      + "where c1_0.state='running' and a1_0.company_id=" + T + " and c1_0.company_id=" + T
      + " group by c1_0.id,c1_0.name,c1_0.monthly_budget order by c1_0.name");
  private static final Sql UPDATE = new Sql("update campaigns c1_0 set monthly_budget=(c1_0.monthly_budget+1) "
      + "where c1_0.id=? and c1_0.company_id=" + T);
  private static final Sql INSERT = new Sql("insert into clicks (ad_id,clicked_at,company_id,cost_per_click_usd,"
      + "site_url,user_data,user_ip,id) values (?,?," + T + ",?,?,?,?,?)");
  private static final Sql ADS = new Sql("select a1_0.campaign_id,a1_0.id,a1_0.clicks_count,a1_0.company_id,"
      + "a1_0.created_at,a1_0.image_url,a1_0.impressions_count,a1_0.name,a1_0.target_url,a1_0.updated_at "
      + "from ads a1_0 where a1_0.campaign_id=? and a1_0.company_id=" + T);
  private static final String USER_DATA = "{\"agent\":\"phone\",\"is_mobile\":true}";
  private static final LocalDateTime CLICKED_AT = LocalDateTime.of(2024, 1, 1, 0, 0);

  /** A campaign row. */
  record CampaignRow(long id, long companyId, String costModel, LocalDateTime createdAt, Integer monthlyBudget,
      String name, String state, LocalDateTime updatedAt) {
  }

  /** An ad row. */
  record AdRow(long campaignId, long id, long clicksCount, long companyId, LocalDateTime createdAt,
      String imageUrl, long impressionsCount, String name, String targetUrl, LocalDateTime updatedAt) {
  }

  /** A row of the campaign statistics. */
  record StatsRow(long id, String name, Integer monthlyBudget, long impressions, long clicks) {
  }

  private final DataSource dataSource;
  private final boolean inline;
  /** Shared by all instances: far above the ids of loaded rows and of clicks_seq. */
  private static final AtomicLong CLICK_IDS = new AtomicLong(1L << 40);

  JdbcWorkload(DataSource dataSource, boolean inline) {
    this.dataSource = dataSource;
    this.inline = inline;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A statement whose tenant placeholders are either bind parameters or literals. Bind form: the
   * SQL and the tenant's parameter indexes are computed once. Inline form: the SQL text is
   * assembled per call, as citus-hibernate's render does.
   */
  private static final class Sql {
    private final String[] parts;
    private final String bound;
    private final int[] tenantIndexes;
    private final int[] plainIndexes;
    private final int[] plainIndexesInline;

    Sql(String template) {
      parts = template.split(T, -1);
      bound = template.replace(T, "?");
      List<Integer> tenants = new ArrayList<>();
      List<Integer> plain = new ArrayList<>();
      int param = 0;
      for (int i = 0; i < template.length(); i++) {
        char ch = template.charAt(i);
        if (ch == '?') {
          plain.add(++param);
        } else if (ch == T.charAt(0)) {
          tenants.add(++param);
        }
      }
      tenantIndexes = tenants.stream().mapToInt(Integer::intValue).toArray();
      plainIndexes = plain.stream().mapToInt(Integer::intValue).toArray();
      plainIndexesInline = new int[plain.size()];
      for (int i = 0; i < plainIndexesInline.length; i++) {
        plainIndexesInline[i] = i + 1;
      }
    }
  }

  /** The statement prepared on {@code c}, the tenant bound or inlined. */
  private PreparedStatement prepare(Connection c, Sql sql, long tenant) throws SQLException {
    if (inline) {
      String literal = Long.toString(tenant);
      StringBuilder sb = new StringBuilder(sql.bound.length() + 8 * sql.parts.length);
      sb.append(sql.parts[0]);
      for (int i = 1; i < sql.parts.length; i++) {
        sb.append(literal).append(sql.parts[i]);
      }
      return c.prepareStatement(sb.toString());
    }
    PreparedStatement ps = c.prepareStatement(sql.bound);
    for (int index : sql.tenantIndexes) {
      ps.setLong(index, tenant);
    }
    return ps;
  }

  /** The JDBC index of the {@code n}th (1-based) parameter that is not the tenant. */
  private int at(Sql sql, int n) {
    return inline ? sql.plainIndexesInline[n - 1] : sql.plainIndexes[n - 1];
  }

  @Override
  public Object request(long tenant, int k) {
    return inTransaction(c -> {
      int next = (k + 1) % AdAnalyticsDatabase.CAMPAIGNS_PER_TENANT;
      int sum = find(c, tenant, k).monthlyBudget();
      sum += list(c, tenant).size();
      sum += stats(c, tenant).size();
      sum += update(c, tenant, k);
      sum += ads(c, tenant, next).size();
      insert(c, tenant, k);
      return sum;
    });
  }

  @Override
  public Object findById(long tenant, int k) {
    return inTransaction(c -> find(c, tenant, k));
  }

  @Override
  public Object listCampaigns(long tenant) {
    return inTransaction(c -> list(c, tenant));
  }

  @Override
  public Object campaignStats(long tenant) {
    return inTransaction(c -> stats(c, tenant));
  }

  @Override
  public Object updateBudget(long tenant, int k) {
    return inTransaction(c -> update(c, tenant, k));
  }

  @Override
  public Object insertClick(long tenant, int k) {
    return inTransaction(c -> insert(c, tenant, k));
  }

  @Override
  public Object lazyAds(long tenant, int k) {
    return inTransaction(c -> {
      CampaignRow campaign = find(c, tenant, k);
      return ads(c, tenant, k).size() + (campaign == null ? 0 : 1);
    });
  }

  private CampaignRow find(Connection c, long tenant, int k) throws SQLException {
    try (PreparedStatement ps = prepare(c, FIND, tenant)) {
      ps.setLong(at(FIND, 1), campaignId(tenant, k));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? campaign(rs) : null;
      }
    }
  }

  private List<CampaignRow> list(Connection c, long tenant) throws SQLException {
    try (PreparedStatement ps = prepare(c, LIST, tenant); ResultSet rs = ps.executeQuery()) {
      List<CampaignRow> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(campaign(rs));
      }
      return rows;
    }
  }

  private List<StatsRow> stats(Connection c, long tenant) throws SQLException {
    try (PreparedStatement ps = prepare(c, STATS, tenant); ResultSet rs = ps.executeQuery()) {
      List<StatsRow> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(new StatsRow(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3), rs.getLong(4),
            rs.getLong(5)));
      }
      return rows;
    }
  }

  private int update(Connection c, long tenant, int k) throws SQLException {
    try (PreparedStatement ps = prepare(c, UPDATE, tenant)) {
      ps.setLong(at(UPDATE, 1), campaignId(tenant, k));
      return ps.executeUpdate();
    }
  }

  private long insert(Connection c, long tenant, int k) throws SQLException {
    long id = CLICK_IDS.getAndIncrement();
    try (PreparedStatement ps = prepare(c, INSERT, tenant)) {
      ps.setLong(at(INSERT, 1), adId(campaignId(tenant, k), 0));
      ps.setObject(at(INSERT, 2), CLICKED_AT);
      ps.setDouble(at(INSERT, 3), 0.25);
      ps.setString(at(INSERT, 4), "https://example.org");
      PGobject json = new PGobject();
      json.setType("jsonb");
      json.setValue(USER_DATA);
      ps.setObject(at(INSERT, 5), json);
      ps.setString(at(INSERT, 6), "10.0.0.1");
      ps.setLong(at(INSERT, 7), id);
      ps.executeUpdate();
      return id;
    }
  }

  private List<AdRow> ads(Connection c, long tenant, int k) throws SQLException {
    try (PreparedStatement ps = prepare(c, ADS, tenant)) {
      ps.setLong(at(ADS, 1), campaignId(tenant, k));
      try (ResultSet rs = ps.executeQuery()) {
        List<AdRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(new AdRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
              rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getLong(7), rs.getString(8),
              rs.getString(9), rs.getObject(10, LocalDateTime.class)));
        }
        return rows;
      }
    }
  }

  private static CampaignRow campaign(ResultSet rs) throws SQLException {
    return new CampaignRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDateTime.class),
        (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDateTime.class));
  }

  @Override
  public void close() {
    // the pool belongs to the caller
  }
}
