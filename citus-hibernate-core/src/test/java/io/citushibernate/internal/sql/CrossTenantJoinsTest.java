package io.citushibernate.internal.sql;

import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CrossTenantJoinsTest {
  private static final TenantTables TABLES;

  static {
    List<TenantTable> tables = new ArrayList<>();
    RewriteCases.adAnalytics().names().forEach(n -> tables.add(RewriteCases.adAnalytics().find(null, n)));
    // a @ManyToMany join table whose tenant column Hibernate does not map
    tables.add(new TenantTable(null, "ad_tags", "company_id"));
    tables.add(new TenantTable(null, "tags", "company_id"));
    TABLES = new TenantTables(tables);
  }

  private final CrossTenantJoins joins = new CrossTenantJoins(TABLES);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # inner join: the equality goes into ON, next to the join Hibernate wrote
      inner join | select a1_0.id from ads a1_0 join campaigns c1_0 on c1_0.id=a1_0.campaign_id | SELECT a1_0.id FROM ads a1_0 JOIN campaigns c1_0 ON c1_0.id = a1_0.campaign_id AND a1_0.company_id = c1_0.company_id
      # left join: in ON, so ads without a campaign still come back
      left join | select a.id, c.name from ads a left join campaigns c on c.id=a.campaign_id | SELECT a.id, c.name FROM ads a LEFT JOIN campaigns c ON c.id = a.campaign_id AND a.company_id = c.company_id
      # right and full joins: also ON
      right join | select a.id from ads a right join campaigns c on c.id=a.campaign_id | SELECT a.id FROM ads a RIGHT JOIN campaigns c ON c.id = a.campaign_id AND a.company_id = c.company_id
      full join | select a.id from ads a full join campaigns c on c.id=a.campaign_id | SELECT a.id FROM ads a FULL JOIN campaigns c ON c.id = a.campaign_id AND a.company_id = c.company_id
      # comma join: WHERE
      comma join | select a.id from ads a, campaigns c where c.id=a.campaign_id | SELECT a.id FROM ads a, campaigns c WHERE c.id = a.campaign_id AND a.company_id = c.company_id
      # many-to-many load: join table and element table
      many-to-many load | select t1_0.ad_id,t1_1.id,t1_1.name from ad_tags t1_0 join tags t1_1 on t1_1.id=t1_0.tag_id where t1_0.ad_id=? | SELECT t1_0.ad_id, t1_1.id, t1_1.name FROM ad_tags t1_0 JOIN tags t1_1 ON t1_1.id = t1_0.tag_id AND t1_0.company_id = t1_1.company_id WHERE t1_0.ad_id = ?
      # self-join: by alias
      self join | select a1.id from ads a1 join ads a2 on a2.id=a1.id+1 | SELECT a1.id FROM ads a1 JOIN ads a2 ON a2.id = a1.id + 1 AND a1.company_id = a2.company_id
      # a chain joins each table to the one its ON names
      chain | select c.id from clicks c join ads a on a.id=c.ad_id join campaigns p on p.id=a.campaign_id | SELECT c.id FROM clicks c JOIN ads a ON a.id = c.ad_id AND c.company_id = a.company_id JOIN campaigns p ON p.id = a.campaign_id AND a.company_id = p.company_id
      # a reference table in between joins nothing
      reference table | select a.id from ads a join geo_ips g on true join campaigns c on c.id=a.campaign_id | SELECT a.id FROM ads a JOIN geo_ips g ON true JOIN campaigns c ON c.id = a.campaign_id AND a.company_id = c.company_id
      # the equality written by the application is not added twice
      already joined | select a.id from ads a join campaigns c on c.id=a.campaign_id and c.company_id=a.company_id | select a.id from ads a join campaigns c on c.id=a.campaign_id and c.company_id=a.company_id
      # a correlated subquery (Hibernate's exists, size(), member of) is joined to the outer table
      correlated | select a.id from ads a where exists(select 1 from clicks c where c.ad_id=a.id) | SELECT a.id FROM ads a WHERE EXISTS (SELECT 1 FROM clicks c WHERE c.ad_id = a.id AND a.company_id = c.company_id)
      # an uncorrelated subquery is not joined
      uncorrelated | select a.id from ads a where a.campaign_id in (select c.id from campaigns c where c.state='x') | select a.id from ads a where a.campaign_id in (select c.id from campaigns c where c.state='x')
      # a single tenant table: unchanged
      single table | select a.id from ads a where a.id=? | select a.id from ads a where a.id=?
      # UPDATE ... FROM and DELETE ... USING join the target
      update from | update ads set name='x' from campaigns c where c.id=ads.campaign_id | UPDATE ads SET name = 'x' FROM campaigns c WHERE c.id = ads.campaign_id AND ads.company_id = c.company_id
      delete using | delete from ads a using campaigns c where c.id=a.campaign_id and c.state='x' | DELETE FROM ads a USING campaigns c WHERE c.id = a.campaign_id AND c.state = 'x' AND a.company_id = c.company_id
      # an OR condition stays whole
      or condition | select a.id from ads a, campaigns c where c.id=a.campaign_id or c.id=1 | SELECT a.id FROM ads a, campaigns c WHERE (c.id = a.campaign_id OR c.id = 1) AND a.company_id = c.company_id
      # a left join written with USING cannot take the equality without changing its meaning: left as written
      left join using | select a.id from ads a left join campaigns c using (id) | select a.id from ads a left join campaigns c using (id)
      """, quoteCharacter = '"')
  void joinsTenantTablesOnTheTenantColumn(String name, String in, String out) {
    assertThat(joins.apply(in)).isEqualTo(out);
  }

  @Test
  void aParenthesizedJoinIsJoinedInsideAndToTheTablesBeforeIt() {
    String out = joins.apply("select a.id from campaigns p left join (ads a join clicks c on c.ad_id=a.id) on a.campaign_id=p.id");

    assertThat(out).isEqualTo("SELECT a.id FROM campaigns p LEFT JOIN (ads a JOIN clicks c ON c.ad_id = a.id "
        + "AND a.company_id = c.company_id) ON a.campaign_id = p.id AND p.company_id = a.company_id");
  }

  @Test
  void unreadableSqlIsReturnedAsWritten() {
    String sql = "select from ads a join campaigns c on";

    assertThat(joins.apply(sql)).isSameAs(sql);
  }

  @Test
  void theCrossTenantFormIsKeptWithTheAnalysedStatement() {
    StatementRewriter rewriter = new StatementRewriter(TABLES, 10, true);
    String sql = "select a.id from ads a join campaigns c on c.id=a.campaign_id";

    String first = rewriter.analyse(sql).renderCrossTenant(joins);

    assertThat(rewriter.analyse(sql).renderCrossTenant(joins)).isSameAs(first);
    assertThat(first).contains("a.company_id = c.company_id");
  }
}
