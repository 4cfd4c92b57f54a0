package io.citushibernate.benchmarks;

import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import java.util.List;
import java.util.Map;

/**
 * The rewrite ladder: SQL exactly as Hibernate 7.4 generates it for the benchmark model
 * (captured with {@code ShowSql --ladder}; the HQL is given with each), from a single-table load
 * to a five-table join, a subquery and a bulk update.
 */
final class Statements {
  private Statements() {
  }

  /** The five tenant tables of the ad-analytics model, as citus-hibernate reads them from the mapping. */
  static final TenantTables TABLES = new TenantTables(List.of(
      new TenantTable(null, "companies", "id"),
      new TenantTable(null, "campaigns", "company_id"),
      new TenantTable(null, "ads", "company_id"),
      new TenantTable(null, "clicks", "company_id"),
      new TenantTable(null, "impressions", "company_id")));

  /** {@code session.find(Campaign.class, id)}: one table. */
  static final String LOAD = "select c1_0.id,c1_0.company_id,c1_0.cost_model,c1_0.created_at,c1_0.monthly_budget,"
      + "c1_0.name,c1_0.state,c1_0.updated_at from campaigns c1_0 where c1_0.id=?";

  /**
   * {@code select c.id, c.name, c.monthlyBudget, sum(a.impressionsCount), sum(a.clicksCount) from Ad a
   * join a.campaign c where c.state = 'running' group by c.id, c.name, c.monthlyBudget order by c.name}:
   * two tables.
   */
  static final String JOIN2 = "select c1_0.id,c1_0.name,c1_0.monthly_budget,sum(a1_0.impressions_count),"
      + "sum(a1_0.clicks_count) from ads a1_0 join campaigns c1_0 on c1_0.id=a1_0.campaign_id "
      + "where c1_0.state='running' group by c1_0.id,c1_0.name,c1_0.monthly_budget order by c1_0.name";

  /** {@code select k.id, a.name, c.name from Click k join k.ad a join a.campaign c where c.state = :state}. */
  static final String JOIN3 = "select c1_0.id,a1_0.name,c2_0.name from clicks c1_0 join ads a1_0 on a1_0.id=c1_0.ad_id "
      + "join campaigns c2_0 on c2_0.id=a1_0.campaign_id where c2_0.state=?";

  /**
   * {@code select co.name, c.name, a.name, count(k.id), count(i.id) from Ad a join a.company co
   * join a.campaign c join Click k on k.ad = a join Impression i on i.ad = a where c.state = :state
   * group by co.name, c.name, a.name}: five tables.
   */
  static final String JOIN5 = "select c1_0.name,c2_0.name,a1_0.name,count(c3_0.id),count(i1_0.id) from ads a1_0 "
      + "join companies c1_0 on c1_0.id=a1_0.company_id join campaigns c2_0 on c2_0.id=a1_0.campaign_id "
      + "join clicks c3_0 on c3_0.ad_id=a1_0.id join impressions i1_0 on i1_0.ad_id=a1_0.id "
      + "where c2_0.state=? group by c1_0.name,c2_0.name,a1_0.name";

  /** {@code select c from Campaign c where c.id in (select a.campaign.id from Ad a where a.clicksCount > :n)}. */
  static final String SUBQUERY = "select c1_0.id,c1_0.company_id,c1_0.cost_model,c1_0.created_at,"
      + "c1_0.monthly_budget,c1_0.name,c1_0.state,c1_0.updated_at from campaigns c1_0 where c1_0.id in "
      + "(select a1_0.campaign_id from ads a1_0 where a1_0.clicks_count>?)";

  /**
   * {@code update Ad a set a.clicksCount = a.clicksCount + 1 where a.campaign.id in
   * (select c.id from Campaign c where c.state = :state)}.
   */
  static final String BULK_UPDATE = "update ads a1_0 set clicks_count=(a1_0.clicks_count+1) where a1_0.campaign_id "
      + "in (select c2_0.id from campaigns c2_0 where c2_0.state=?)";

  /** The ladder by the name used as the {@code statement} benchmark parameter. */
  static final Map<String, String> LADDER = Map.of("load", LOAD, "join2", JOIN2, "join3", JOIN3, "join5", JOIN5,
      "subquery", SUBQUERY, "bulkUpdate", BULK_UPDATE);

  /**
   * A chain of {@code n} joined tenant tables in Hibernate's style, cycling through the five
   * tables: {@code select t1_0.id,... from campaigns t1_0 join ads t2_0 on t2_0.id=t1_0.id ...
   * where t1_0.id=?}.
   */
  static String joinChain(int n) {
    String[] names = {"campaigns", "ads", "clicks", "impressions", "companies"};
    StringBuilder select = new StringBuilder("select ");
    StringBuilder from = new StringBuilder(" from ");
    for (int i = 1; i <= n; i++) {
      String alias = "t" + i + "_0";
      select.append(i > 1 ? "," : "").append(alias).append(".id");
      if (i == 1) {
        from.append(names[0]).append(' ').append(alias);
      } else {
        from.append(" join ").append(names[(i - 1) % names.length]).append(' ').append(alias)
            .append(" on ").append(alias).append(".id=t").append(i - 1).append("_0.id");
      }
    }
    return select.append(from).append(" where t1_0.id=?").toString();
  }
}
