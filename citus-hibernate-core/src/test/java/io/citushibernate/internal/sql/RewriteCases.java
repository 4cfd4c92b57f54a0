package io.citushibernate.internal.sql;

import io.citushibernate.internal.mapping.TenantTable;
import io.citushibernate.internal.mapping.TenantTables;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements and their exact scoped form for tenant 5 of the Citus ad-analytics schema: Hibernate
 * 6/7 PostgreSQL output and hand-written SQL. {@code OUT =} means the statement passes unchanged.
 * Shared by the unit test and the test that runs the results on PostgreSQL.
 */
final class RewriteCases {
  /** One statement: what it tests, the SQL, and its scoped form for tenant 5. */
  record Case(String name, String in, String out) {
    boolean unchanged() {
      return in.equals(out);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** companies is the tenant table itself; geo_ips is a reference table and is not listed. */
  static TenantTables adAnalytics() {
    return new TenantTables(List.of(
        new TenantTable(null, "companies", "id"),
        new TenantTable(null, "campaigns", "company_id"),
        new TenantTable(null, "ads", "company_id"),
        new TenantTable(null, "clicks", "company_id"),
        new TenantTable(null, "impressions", "company_id")));
  }

  private static final String CASES = """
      # Hibernate: entity load by id
      IN  select c1_0.id,c1_0.blacklisted_site_urls,c1_0.company_id,c1_0.cost_model,c1_0.created_at,c1_0.monthly_budget,c1_0.name,c1_0.state,c1_0.updated_at from campaigns c1_0 where c1_0.id=?
      OUT SELECT c1_0.id, c1_0.blacklisted_site_urls, c1_0.company_id, c1_0.cost_model, c1_0.created_at, c1_0.monthly_budget, c1_0.name, c1_0.state, c1_0.updated_at FROM campaigns c1_0 WHERE c1_0.id = ? AND c1_0.company_id = 5

      # Hibernate: load with composite key bound (tenant column as a bind parameter still gets the literal)
      IN  select c1_0.id,c1_0.name from campaigns c1_0 where c1_0.id=? and c1_0.company_id=?
      OUT SELECT c1_0.id, c1_0.name FROM campaigns c1_0 WHERE c1_0.id = ? AND c1_0.company_id = ? AND c1_0.company_id = 5

      # Hibernate: batch load
      IN  select c1_0.id,c1_0.name from campaigns c1_0 where c1_0.id = any (?)
      OUT SELECT c1_0.id, c1_0.name FROM campaigns c1_0 WHERE c1_0.id = any(?) AND c1_0.company_id = 5

      # Hibernate: tuple IN batch load
      IN  select c1_0.id,c1_0.name from campaigns c1_0 where (c1_0.id,c1_0.company_id) in ((?,?),(?,?))
      OUT SELECT c1_0.id, c1_0.name FROM campaigns c1_0 WHERE (c1_0.id, c1_0.company_id) IN ((?, ?), (?, ?)) AND c1_0.company_id = 5

      # Hibernate: collection load
      IN  select a1_0.campaign_id,a1_0.id,a1_0.name from ads a1_0 where a1_0.campaign_id=?
      OUT SELECT a1_0.campaign_id, a1_0.id, a1_0.name FROM ads a1_0 WHERE a1_0.campaign_id = ? AND a1_0.company_id = 5

      # Hibernate: left join fetch
      IN  select c1_0.id,a1_0.campaign_id,a1_0.id,a1_0.name from campaigns c1_0 left join ads a1_0 on c1_0.id=a1_0.campaign_id where c1_0.id=?
      OUT SELECT c1_0.id, a1_0.campaign_id, a1_0.id, a1_0.name FROM campaigns c1_0 LEFT JOIN ads a1_0 ON c1_0.id = a1_0.campaign_id AND a1_0.company_id = 5 WHERE c1_0.id = ? AND c1_0.company_id = 5

      # Hibernate: join fetch with paging
      IN  select c1_0.id,a1_0.id from campaigns c1_0 join ads a1_0 on c1_0.id=a1_0.campaign_id where c1_0.state=? order by c1_0.name fetch first ? rows only
      OUT SELECT c1_0.id, a1_0.id FROM campaigns c1_0 JOIN ads a1_0 ON c1_0.id = a1_0.campaign_id WHERE c1_0.state = ? AND c1_0.company_id = 5 AND a1_0.company_id = 5 ORDER BY c1_0.name FETCH FIRST ? ROWS ONLY

      # Hibernate: offset and fetch
      IN  select c1_0.id from campaigns c1_0 order by c1_0.id offset ? rows fetch first ? rows only
      OUT SELECT c1_0.id FROM campaigns c1_0 WHERE c1_0.company_id = 5 ORDER BY c1_0.id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY

      # Hibernate: PESSIMISTIC_WRITE
      IN  select c1_0.id,c1_0.name from campaigns c1_0 where c1_0.id=? for no key update
      OUT SELECT c1_0.id, c1_0.name FROM campaigns c1_0 WHERE c1_0.id = ? AND c1_0.company_id = 5 FOR NO KEY UPDATE

      # Hibernate: lock with join
      IN  select c1_0.id,c1_0.name from campaigns c1_0 join ads a1_0 on c1_0.id=a1_0.campaign_id where c1_0.id=? for update of c1_0
      OUT SELECT c1_0.id, c1_0.name FROM campaigns c1_0 JOIN ads a1_0 ON c1_0.id = a1_0.campaign_id WHERE c1_0.id = ? AND c1_0.company_id = 5 AND a1_0.company_id = 5 FOR UPDATE OF c1_0

      # FOR UPDATE OF a table without alias: the name is a qualifier, not a second reference to scope
      IN  select id from campaigns where id=? for update of campaigns
      OUT SELECT id FROM campaigns WHERE id = ? AND campaigns.company_id = 5 FOR UPDATE OF campaigns

      # Hibernate: jsonb bind with cast
      IN  select c1_0.id from clicks c1_0 where c1_0.user_data=cast(? as jsonb)
      OUT SELECT c1_0.id FROM clicks c1_0 WHERE c1_0.user_data = cast(? AS jsonb) AND c1_0.company_id = 5

      # Hibernate: jsonb containment
      IN  select c1_0.id from clicks c1_0 where c1_0.user_data @> ?::jsonb
      OUT SELECT c1_0.id FROM clicks c1_0 WHERE c1_0.user_data @> ?::jsonb AND c1_0.company_id = 5

      # Hibernate: exists subquery
      IN  select c1_0.id from campaigns c1_0 where exists(select 1 from ads a1_0 where a1_0.campaign_id=c1_0.id and a1_0.clicks_count>?)
      OUT SELECT c1_0.id FROM campaigns c1_0 WHERE EXISTS (SELECT 1 FROM ads a1_0 WHERE a1_0.campaign_id = c1_0.id AND a1_0.clicks_count > ? AND a1_0.company_id = 5) AND c1_0.company_id = 5

      # Hibernate: count
      IN  select count(*) from campaigns c1_0
      OUT SELECT count(*) FROM campaigns c1_0 WHERE c1_0.company_id = 5

      # Hibernate: bulk update
      IN  update campaigns set name=?,updated_at=? where id=?
      OUT UPDATE campaigns SET name = ?, updated_at = ? WHERE id = ? AND campaigns.company_id = 5

      # Hibernate: bulk update with alias
      IN  update campaigns c1_0 set state=? where c1_0.monthly_budget<?
      OUT UPDATE campaigns c1_0 SET state = ? WHERE c1_0.monthly_budget < ? AND c1_0.company_id = 5

      # Hibernate: bulk delete
      IN  delete from ads where campaign_id=?
      OUT DELETE FROM ads WHERE campaign_id = ? AND ads.company_id = 5

      # Hibernate: delete with subquery
      IN  delete from ads a1_0 where a1_0.id in (select a2_0.id from ads a2_0 where a2_0.clicks_count=?)
      OUT DELETE FROM ads a1_0 WHERE a1_0.id IN (SELECT a2_0.id FROM ads a2_0 WHERE a2_0.clicks_count = ? AND a2_0.company_id = 5) AND a1_0.company_id = 5

      # Hibernate: insert with tenant column bound
      IN  insert into campaigns (blacklisted_site_urls,company_id,cost_model,created_at,monthly_budget,name,state,updated_at,id) values (?,?,?,?,?,?,?,?,?)
      OUT INSERT INTO campaigns (blacklisted_site_urls, company_id, cost_model, created_at, monthly_budget, name, state, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)

      # insert without tenant column: filled in
      IN  insert into ads (campaign_id,name,image_url,target_url,created_at,updated_at,id) values (?,?,?,?,?,?,?)
      OUT INSERT INTO ads (campaign_id, name, image_url, target_url, created_at, updated_at, id, company_id) VALUES (?, ?, ?, ?, ?, ?, ?, 5)

      # multi-row insert without tenant column
      IN  insert into ads (campaign_id,name,image_url,target_url,created_at,updated_at,id) values (?,?,?,?,?,?,?),(?,?,?,?,?,?,?)
      OUT INSERT INTO ads (campaign_id, name, image_url, target_url, created_at, updated_at, id, company_id) VALUES (?, ?, ?, ?, ?, ?, ?, 5), (?, ?, ?, ?, ?, ?, ?, 5)

      # insert returning
      IN  insert into clicks (id,ad_id,clicked_at,user_data) values (?,?,?,cast(? as jsonb)) returning id
      OUT INSERT INTO clicks (id, ad_id, clicked_at, user_data, company_id) VALUES (?, ?, ?, cast(? AS jsonb), 5) RETURNING id

      # comma join
      IN  select c.id, a.id from campaigns c, ads a where a.campaign_id = c.id
      OUT SELECT c.id, a.id FROM campaigns c, ads a WHERE a.campaign_id = c.id AND c.company_id = 5 AND a.company_id = 5

      # cross join
      IN  select c.id, a.id from campaigns c cross join ads a
      OUT SELECT c.id, a.id FROM campaigns c CROSS JOIN ads a WHERE c.company_id = 5 AND a.company_id = 5

      # right join: left side filtered in ON
      IN  select c.id, a.id from campaigns c right join ads a on a.campaign_id = c.id where a.name = 'x'
      OUT SELECT c.id, a.id FROM campaigns c RIGHT JOIN ads a ON a.campaign_id = c.id AND c.company_id = 5 WHERE a.name = 'x' AND a.company_id = 5

      # chained right joins
      IN  select * from ads a right join campaigns c on c.id = a.campaign_id right join companies co on co.id = c.company_id
      OUT SELECT * FROM ads a RIGHT JOIN campaigns c ON c.id = a.campaign_id AND a.company_id = 5 RIGHT JOIN companies co ON co.id = c.company_id AND c.company_id = 5 WHERE co.id = 5

      # full join: both sides derived, so ON keeps only joinable conditions
      IN  select c.id, a.id from campaigns c full join ads a on a.campaign_id = c.id where c.state = 'a' or a.name = 'b'
      OUT SELECT c.id, a.id FROM (SELECT * FROM campaigns WHERE campaigns.company_id = 5) c FULL JOIN (SELECT * FROM ads WHERE ads.company_id = 5) a ON a.campaign_id = c.id WHERE c.state = 'a' OR a.name = 'b'

      # fuzzer: full join on true (a one-sided predicate in ON makes PostgreSQL refuse the join)
      IN  select c1.company_id from campaigns c1 full join campaigns c2 on true
      OUT SELECT c1.company_id FROM (SELECT * FROM campaigns WHERE campaigns.company_id = 5) c1 FULL JOIN (SELECT * FROM campaigns WHERE campaigns.company_id = 5) c2 ON true

      # natural join
      IN  select * from campaigns natural join ads
      OUT SELECT * FROM campaigns NATURAL JOIN ads WHERE campaigns.company_id = 5 AND ads.company_id = 5

      # left join using: derived table
      IN  select * from campaigns c left join ads a using (id)
      OUT SELECT * FROM campaigns c LEFT JOIN (SELECT * FROM ads WHERE ads.company_id = 5) a USING (id) WHERE c.company_id = 5

      # right join using: derived table on the left
      IN  select a.id from ads a right join campaigns c using (id)
      OUT SELECT a.id FROM (SELECT * FROM ads WHERE ads.company_id = 5) a RIGHT JOIN campaigns c USING (id) WHERE c.company_id = 5

      # full join using: both sides derived
      IN  select id from ads a full join campaigns c using (id)
      OUT SELECT id FROM (SELECT * FROM ads WHERE ads.company_id = 5) a FULL JOIN (SELECT * FROM campaigns WHERE campaigns.company_id = 5) c USING (id)

      # comma lateral
      IN  select c.id, x.n from campaigns c, lateral (select count(*) n from ads a where a.campaign_id = c.id) x
      OUT SELECT c.id, x.n FROM campaigns c, LATERAL(SELECT count(*) n FROM ads a WHERE a.campaign_id = c.id AND a.company_id = 5) x WHERE c.company_id = 5

      # left join lateral
      IN  select c.id, x.n from campaigns c left join lateral (select count(*) n from ads a where a.campaign_id = c.id) x on true
      OUT SELECT c.id, x.n FROM campaigns c LEFT JOIN LATERAL(SELECT count(*) n FROM ads a WHERE a.campaign_id = c.id AND a.company_id = 5) x ON true WHERE c.company_id = 5

      # nested parenthesized join
      IN  select * from campaigns c left join (ads a join clicks k on k.ad_id = a.id) on a.campaign_id = c.id
      OUT SELECT * FROM campaigns c LEFT JOIN (ads a JOIN clicks k ON k.ad_id = a.id) ON a.campaign_id = c.id AND a.company_id = 5 AND k.company_id = 5 WHERE c.company_id = 5

      # parenthesized join first
      IN  select * from (campaigns c join ads a on a.campaign_id = c.id) left join clicks k on k.ad_id = a.id
      OUT SELECT * FROM (campaigns c JOIN ads a ON a.campaign_id = c.id) LEFT JOIN clicks k ON k.ad_id = a.id AND k.company_id = 5 WHERE c.company_id = 5 AND a.company_id = 5

      # comma item before a right join keeps its predicate in WHERE
      IN  select * from companies co, campaigns c right join ads a on a.campaign_id = c.id where co.id = c.company_id
      OUT SELECT * FROM companies co, campaigns c RIGHT JOIN ads a ON a.campaign_id = c.id AND c.company_id = 5 WHERE co.id = c.company_id AND co.id = 5 AND a.company_id = 5

      # scalar subquery in select list
      IN  select c.name, (select count(*) from ads a where a.campaign_id = c.id) as n from campaigns c
      OUT SELECT c.name, (SELECT count(*) FROM ads a WHERE a.campaign_id = c.id AND a.company_id = 5) AS n FROM campaigns c WHERE c.company_id = 5

      # subquery in HAVING
      IN  select campaign_id, count(*) from ads group by campaign_id having count(*) > (select avg(monthly_budget) from campaigns)
      OUT SELECT campaign_id, count(*) FROM ads WHERE ads.company_id = 5 GROUP BY campaign_id HAVING count(*) > (SELECT avg(monthly_budget) FROM campaigns WHERE campaigns.company_id = 5)

      # subquery in FROM
      IN  select * from (select * from campaigns where state = 'active') c
      OUT SELECT * FROM (SELECT * FROM campaigns WHERE state = 'active' AND campaigns.company_id = 5) c

      # subquery inside a function call
      IN  select coalesce((select max(id) from ads), 0)
      OUT SELECT coalesce((SELECT max(id) FROM ads WHERE ads.company_id = 5), 0)

      # subquery inside CASE
      IN  select case when exists (select 1 from ads a where a.id = 1) then 1 else 0 end
      OUT SELECT CASE WHEN EXISTS (SELECT 1 FROM ads a WHERE a.id = 1 AND a.company_id = 5) THEN 1 ELSE 0 END

      # subquery in ORDER BY of a reference-table query
      IN  select * from geo_ips g order by (select count(*) from clicks k where k.user_ip = g.addrs)
      OUT SELECT * FROM geo_ips g ORDER BY (SELECT count(*) FROM clicks k WHERE k.user_ip = g.addrs AND k.company_id = 5)

      # subquery in VALUES
      IN  select * from (values ((select max(id) from ads))) v(x)
      OUT SELECT * FROM (VALUES ((SELECT max(id) FROM ads WHERE ads.company_id = 5))) v(x)

      # subquery in FILTER
      IN  select count(*) filter (where g.addrs is not null and exists (select 1 from ads)) from geo_ips g
      OUT SELECT count(*) FILTER (WHERE g.addrs IS NOT NULL AND EXISTS (SELECT 1 FROM ads WHERE ads.company_id = 5)) FROM geo_ips g

      # subquery in an aggregate's ORDER BY
      IN  select string_agg(name, ',' order by (select max(id) from ads)) from campaigns
      OUT SELECT string_agg(name, ',' ORDER BY (SELECT max(id) FROM ads WHERE ads.company_id = 5)) FROM campaigns WHERE campaigns.company_id = 5

      # subquery in a WINDOW clause
      IN  select count(*) over w from ads window w as (partition by (select 1 from clicks limit 1))
      OUT SELECT count(*) OVER w FROM ads WHERE ads.company_id = 5 WINDOW w AS (PARTITION BY (SELECT 1 FROM clicks WHERE clicks.company_id = 5 LIMIT 1) )

      # nested EXISTS
      IN  select * from geo_ips where exists (select 1 from ads where ads.id = 1 and exists (select 1 from clicks where clicks.ad_id = ads.id))
      OUT SELECT * FROM geo_ips WHERE EXISTS (SELECT 1 FROM ads WHERE ads.id = 1 AND EXISTS (SELECT 1 FROM clicks WHERE clicks.ad_id = ads.id AND clicks.company_id = 5) AND ads.company_id = 5)

      # IN and NOT IN subqueries
      IN  select * from campaigns c where c.id in (select campaign_id from ads) and c.id not in (select campaign_id from ads where name = 'x')
      OUT SELECT * FROM campaigns c WHERE c.id IN (SELECT campaign_id FROM ads WHERE ads.company_id = 5) AND c.id NOT IN (SELECT campaign_id FROM ads WHERE name = 'x' AND ads.company_id = 5) AND c.company_id = 5

      # ARRAY subquery
      IN  select array(select id from ads)
      OUT SELECT array(SELECT id FROM ads WHERE ads.company_id = 5)

      # UNION
      IN  select id from campaigns union select campaign_id from ads
      OUT SELECT id FROM campaigns WHERE campaigns.company_id = 5 UNION SELECT campaign_id FROM ads WHERE ads.company_id = 5

      # INTERSECT
      IN  select id from campaigns intersect select campaign_id from ads
      OUT SELECT id FROM campaigns WHERE campaigns.company_id = 5 INTERSECT SELECT campaign_id FROM ads WHERE ads.company_id = 5

      # EXCEPT
      IN  select id from campaigns except select campaign_id from ads
      OUT SELECT id FROM campaigns WHERE campaigns.company_id = 5 EXCEPT SELECT campaign_id FROM ads WHERE ads.company_id = 5

      # window function
      IN  select id, rank() over (partition by campaign_id order by clicks_count desc) from ads
      OUT SELECT id, rank() OVER (PARTITION BY campaign_id ORDER BY clicks_count DESC) FROM ads WHERE ads.company_id = 5

      # DISTINCT ON
      IN  select distinct on (campaign_id) id, campaign_id from ads order by campaign_id, id
      OUT SELECT DISTINCT ON (campaign_id) id, campaign_id FROM ads WHERE ads.company_id = 5 ORDER BY campaign_id, id

      # CTE
      IN  with x as (select id from ads where name = 'x') select * from campaigns c where c.id in (select id from x)
      OUT WITH x AS (SELECT id FROM ads WHERE name = 'x' AND ads.company_id = 5) SELECT * FROM campaigns c WHERE c.id IN (SELECT id FROM x) AND c.company_id = 5

      # CTE named like a tenant table shadows it
      IN  with ads as (select 1 as id) select * from ads
      OUT =

      # CTE named like a tenant table reads the real table inside its own body
      IN  with ads as (select * from ads where campaign_id = 1) select * from ads
      OUT WITH ads AS (SELECT * FROM ads WHERE campaign_id = 1 AND ads.company_id = 5) SELECT * FROM ads

      # CTE inside a subquery shadows only there
      IN  select * from ads where id in (with ads as (select 1 id) select id from ads)
      OUT SELECT * FROM ads WHERE id IN (WITH ads AS (SELECT 1 id) SELECT id FROM ads) AND ads.company_id = 5

      # recursive CTE
      IN  with recursive r as (select id from campaigns where id = 1 union all select c.id from campaigns c join r on c.id = r.id + 1) select * from r
      OUT WITH RECURSIVE r AS (SELECT id FROM campaigns WHERE id = 1 AND campaigns.company_id = 5 UNION all SELECT c.id FROM campaigns c JOIN r ON c.id = r.id + 1 WHERE c.company_id = 5) SELECT * FROM r

      # CTE of an UPDATE
      IN  with x as (select campaign_id from ads) update campaigns set name = 'y' where id in (select campaign_id from x)
      OUT WITH x AS (SELECT campaign_id FROM ads WHERE ads.company_id = 5) UPDATE campaigns SET name = 'y' WHERE id IN (SELECT campaign_id FROM x) AND campaigns.company_id = 5

      # CTE of a DELETE
      IN  with x as (select campaign_id from ads) delete from campaigns where id in (select campaign_id from x)
      OUT WITH x AS (SELECT campaign_id FROM ads WHERE ads.company_id = 5) DELETE FROM campaigns WHERE id IN (SELECT campaign_id FROM x) AND campaigns.company_id = 5

      # CTE of an INSERT
      IN  with x as (select id, name from campaigns) insert into ads (id, campaign_id, name, image_url, target_url, created_at, updated_at) select id, id, name, '', '', now(), now() from x
      OUT WITH x AS (SELECT id, name FROM campaigns WHERE campaigns.company_id = 5) INSERT INTO ads (id, campaign_id, name, image_url, target_url, created_at, updated_at, company_id) SELECT id, id, name, '', '', now(), now(), 5 FROM x

      # data-modifying CTE
      IN  with u as (update ads set name = 'z' where id = 1 returning id) select * from u
      OUT WITH u AS (UPDATE ads SET name = 'z' WHERE id = 1 AND ads.company_id = 5 RETURNING id) SELECT * FROM u

      # ON CONFLICT DO NOTHING
      IN  insert into ads (id, company_id, campaign_id, name, image_url, target_url, created_at, updated_at) values (1, 5, 1, 'x', '', '', now(), now()) on conflict do nothing
      OUT INSERT INTO ads (id, company_id, campaign_id, name, image_url, target_url, created_at, updated_at) VALUES (1, 5, 1, 'x', '', '', now(), now()) ON CONFLICT DO NOTHING

      # ON CONFLICT DO UPDATE with a subquery in its WHERE
      IN  insert into ads (id, company_id, campaign_id, name, image_url, target_url, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id, company_id) do update set name = excluded.name where exists (select 1 from campaigns c where c.id = excluded.campaign_id)
      OUT INSERT INTO ads (id, company_id, campaign_id, name, image_url, target_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, company_id) DO UPDATE SET name = excluded.name WHERE EXISTS (SELECT 1 FROM campaigns c WHERE c.id = excluded.campaign_id AND c.company_id = 5)

      # Hibernate 7.4 upsert: ON CONFLICT on the id gets the tenant column, which every key of a tenant table starts with
      IN  insert into ads (campaign_id,company_id,created_at,image_url,name,target_url,updated_at,id) values (?,?,?,?,?,?,?,?) on conflict (id) do update set campaign_id=excluded.campaign_id,name=excluded.name
      OUT INSERT INTO ads (campaign_id, company_id, created_at, image_url, name, target_url, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, id) DO UPDATE SET campaign_id = excluded.campaign_id, name = excluded.name

      # Hibernate 7.4 upsert of an updatable tenant key: the tenant assignment, a no-op on the tenant's own row, goes
      IN  insert into ads (campaign_id,company_id,created_at,image_url,name,target_url,updated_at,id) values (?,?,?,?,?,?,?,?) on conflict (id) do update set campaign_id=excluded.campaign_id,company_id=excluded.company_id,name=excluded.name
      OUT INSERT INTO ads (campaign_id, company_id, created_at, image_url, name, target_url, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, id) DO UPDATE SET campaign_id = excluded.campaign_id, name = excluded.name

      # native ON CONFLICT on the id without the tenant column: the row and the target get it
      IN  insert into ads (id, campaign_id, name, image_url, target_url, created_at, updated_at) values (1, 1, 'x', '', '', now(), now()) on conflict (id) do nothing
      OUT INSERT INTO ads (id, campaign_id, name, image_url, target_url, created_at, updated_at, company_id) VALUES (1, 1, 'x', '', '', now(), now(), 5) ON CONFLICT (company_id, id) DO NOTHING

      # Hibernate 6.6 upsert: MERGE from a constant row becomes INSERT ... ON CONFLICT, parameters in the same order
      IN  merge into ads as t using (select cast(? as integer) id, cast(? as integer) campaign_id, cast(? as integer) company_id, cast(? as text) name, cast(? as text) image_url, cast(? as text) target_url, cast(? as timestamp) created_at, cast(? as timestamp) updated_at) as s on (t.id=s.id) when not matched then insert (id, campaign_id, company_id, name, image_url, target_url, created_at, updated_at) values (s.id, s.campaign_id, s.company_id, s.name, s.image_url, s.target_url, s.created_at, s.updated_at) when matched then update set campaign_id=s.campaign_id, company_id=s.company_id, name=s.name, updated_at=s.updated_at
      OUT INSERT INTO ads AS t (id, campaign_id, company_id, name, image_url, target_url, created_at, updated_at) VALUES (cast(? AS integer), cast(? AS integer), ?, cast(? AS text), cast(? AS text), cast(? AS text), cast(? AS timestamp), cast(? AS timestamp)) ON CONFLICT (company_id, id) DO UPDATE SET campaign_id = excluded.campaign_id, name = excluded.name, updated_at = excluded.updated_at

      # Hibernate 7 upsert with an optimistic-lock check: the check becomes the DO UPDATE's WHERE
      IN  merge into ads as t using (select ? id,? company_id,? campaign_id,? name,? image_url,? target_url,? created_at,? updated_at) as s on (t.id=s.id) when not matched then insert (id,company_id,campaign_id,name,image_url,target_url,created_at,updated_at) values (s.id,s.company_id,s.campaign_id,s.name,s.image_url,s.target_url,s.created_at,s.updated_at) when matched and t.clicks_count=? then update set name=s.name
      OUT INSERT INTO ads AS t (id, company_id, campaign_id, name, image_url, target_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, id) DO UPDATE SET name = excluded.name WHERE t.clicks_count = ?

      # MERGE whose row lacks the tenant column (a table the entity maps without it): the row gets the tenant
      IN  merge into clicks as t using (select cast(? as bigint) id, cast(? as integer) ad_id, cast(? as text) site_url) as s on (t.id=s.id) when not matched then insert (id, ad_id, site_url) values (s.id, s.ad_id, s.site_url) when matched then update set site_url=s.site_url
      OUT INSERT INTO clicks AS t (id, ad_id, site_url, company_id) VALUES (cast(? AS bigint), cast(? AS integer), cast(? AS text), 5) ON CONFLICT (company_id, id) DO UPDATE SET site_url = excluded.site_url

      # MERGE without WHEN MATCHED: DO NOTHING
      IN  merge into clicks as t using (select cast(? as bigint) id, cast(? as integer) ad_id) as s on (t.id=s.id) when not matched then insert (id, ad_id) values (s.id, s.ad_id)
      OUT INSERT INTO clicks AS t (id, ad_id, company_id) VALUES (cast(? AS bigint), cast(? AS integer), 5) ON CONFLICT (company_id, id) DO NOTHING

      # ON CONFLICT ON CONSTRAINT
      IN  insert into ads (id, company_id, campaign_id, name, image_url, target_url, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict on constraint ads_pkey do nothing
      OUT INSERT INTO ads (id, company_id, campaign_id, name, image_url, target_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT ads_pkey DO NOTHING

      # RETURNING with a subquery
      IN  update ads set name = 'x' where id = 1 returning (select name from campaigns c where c.id = ads.campaign_id)
      OUT UPDATE ads SET name = 'x' WHERE id = 1 AND ads.company_id = 5 RETURNING (SELECT name FROM campaigns c WHERE c.id = ads.campaign_id AND c.company_id = 5)

      # DELETE RETURNING with a subquery
      IN  delete from ads where id in (select ad_id from clicks) returning (select 1 from impressions limit 1)
      OUT DELETE FROM ads WHERE id IN (SELECT ad_id FROM clicks WHERE clicks.company_id = 5) AND ads.company_id = 5 RETURNING (SELECT 1 FROM impressions WHERE impressions.company_id = 5 LIMIT 1)

      # FOR SHARE
      IN  select * from campaigns for share
      OUT SELECT * FROM campaigns WHERE campaigns.company_id = 5 FOR SHARE

      # LIMIT OFFSET
      IN  select * from campaigns limit 10 offset 5
      OUT SELECT * FROM campaigns WHERE campaigns.company_id = 5 LIMIT 10 OFFSET 5

      # schema-qualified
      IN  select * from public.campaigns
      OUT SELECT * FROM public.campaigns WHERE campaigns.company_id = 5

      # quoted identifiers
      IN  select * from "campaigns" "C" where "C".id = 1
      OUT SELECT * FROM "campaigns" "C" WHERE "C".id = 1 AND "C".company_id = 5

      # upper-case names fold
      IN  select * from PUBLIC.ADS
      OUT SELECT * FROM PUBLIC.ADS WHERE ADS.company_id = 5

      # JSONB operators
      IN  select user_data->>'is_mobile' as m, count(*) from clicks group by user_data->>'is_mobile'
      OUT SELECT user_data ->> 'is_mobile' AS m, count(*) FROM clicks WHERE clicks.company_id = 5 GROUP BY user_data ->> 'is_mobile'

      # JSONB key existence operators
      IN  select id from clicks where user_data ?| array['a','b'] or user_data #>> '{a,b}' = 'x'
      OUT SELECT id FROM clicks WHERE (user_data ?| ARRAY['a', 'b'] OR user_data #>> '{a,b}' = 'x') AND clicks.company_id = 5

      # INSERT ... SELECT without tenant column
      IN  insert into ads (id, campaign_id, name, image_url, target_url, created_at, updated_at) select id, campaign_id, name, image_url, target_url, created_at, updated_at from ads where id = 1
      OUT INSERT INTO ads (id, campaign_id, name, image_url, target_url, created_at, updated_at, company_id) SELECT id, campaign_id, name, image_url, target_url, created_at, updated_at, 5 FROM ads WHERE id = 1 AND ads.company_id = 5

      # INSERT ... SELECT copying the tenant column of a scoped table
      IN  insert into ads (id, company_id, campaign_id, name, image_url, target_url, created_at, updated_at) select id + 1, company_id, campaign_id, name, image_url, target_url, created_at, updated_at from ads where id = 1
      OUT INSERT INTO ads (id, company_id, campaign_id, name, image_url, target_url, created_at, updated_at) SELECT id + 1, company_id, campaign_id, name, image_url, target_url, created_at, updated_at FROM ads WHERE id = 1 AND ads.company_id = 5

      # UPDATE ... FROM a subquery
      IN  update ads set clicks_count = k.n from (select ad_id, count(*) n from clicks group by ad_id) k where k.ad_id = ads.id
      OUT UPDATE ads SET clicks_count = k.n FROM (SELECT ad_id, count(*) n FROM clicks WHERE clicks.company_id = 5 GROUP BY ad_id) k WHERE k.ad_id = ads.id AND ads.company_id = 5

      # UPDATE ... FROM with a left join
      IN  update ads set name = 'x' from campaigns c left join companies co on co.id = c.company_id where c.id = ads.campaign_id
      OUT UPDATE ads SET name = 'x' FROM campaigns c LEFT JOIN companies co ON co.id = c.company_id AND co.id = 5 WHERE c.id = ads.campaign_id AND ads.company_id = 5 AND c.company_id = 5

      # DELETE ... USING
      IN  delete from ads a using campaigns c where c.id = a.campaign_id and c.state = 'x'
      OUT DELETE FROM ads a USING campaigns c WHERE c.id = a.campaign_id AND c.state = 'x' AND a.company_id = 5 AND c.company_id = 5

      # OR in WHERE is parenthesized
      IN  update ads set name = 'x' where id = 1 or name = 'y'
      OUT UPDATE ads SET name = 'x' WHERE (id = 1 OR name = 'y') AND ads.company_id = 5

      # IN followed by OR (JSqlParser 5.3 parses the OR into the IN list)
      IN  select * from ads where id in (1,2) or name = 'x'
      OUT SELECT * FROM ads WHERE (id IN (1, 2) OR name = 'x') AND ads.company_id = 5

      # IN subquery followed by AND and OR
      IN  select c1_0.id from campaigns c1_0 where c1_0.state in ('a') and c1_0.id in (select a.campaign_id from ads a where a.id in (1) or a.id = 2) or c1_0.id = 3
      OUT SELECT c1_0.id FROM campaigns c1_0 WHERE (c1_0.state IN ('a') AND c1_0.id IN (SELECT a.campaign_id FROM ads a WHERE (a.id IN (1) OR a.id = 2) AND a.company_id = 5) OR c1_0.id = 3) AND c1_0.company_id = 5

      # NOT IN followed by OR
      IN  select * from ads where id not in (1,2) or name = 'x'
      OUT SELECT * FROM ads WHERE (id NOT IN (1, 2) OR name = 'x') AND ads.company_id = 5

      # existing tenant predicate with the same literal is not added again
      IN  select * from ads a where a.company_id = 5 and a.id = 1
      OUT SELECT * FROM ads a WHERE a.company_id = 5 AND a.id = 1

      # existing predicate in parentheses, unqualified on a single table, literal first
      IN  select * from ads where (company_id = 5) and 5 = company_id
      OUT SELECT * FROM ads WHERE (company_id = 5) AND 5 = company_id

      # existing predicate for a different literal: scoped anyway
      IN  select * from campaigns c where c.company_id = 6
      OUT SELECT * FROM campaigns c WHERE c.company_id = 6 AND c.company_id = 5

      # existing predicate under OR does not count
      IN  select * from campaigns c where c.company_id = 5 or c.company_id = 6
      OUT SELECT * FROM campaigns c WHERE (c.company_id = 5 OR c.company_id = 6) AND c.company_id = 5

      # tenant table is the tenant itself
      IN  select * from companies
      OUT SELECT * FROM companies WHERE companies.id = 5

      # reference table joined with a tenant table
      IN  select g.* from geo_ips g join ads a on true
      OUT SELECT g.* FROM geo_ips g JOIN ads a ON true WHERE a.company_id = 5

      # tenant table name only inside a string literal
      IN  select count(*) from ads where name like '%campaigns%'
      OUT SELECT count(*) FROM ads WHERE name LIKE '%campaigns%' AND ads.company_id = 5

      # reference table only: unchanged
      IN  select g1_0.addrs from geo_ips g1_0 where g1_0.addrs >>= cast(? as inet)
      OUT =

      # local table only: unchanged
      IN  select * from local_settings where k=?
      OUT =

      # sequence: unchanged
      IN  select nextval('campaigns_seq')
      OUT =

      # tenant table name in a string literal only: unchanged
      IN  select 'campaigns' from geo_ips
      OUT =

      # tenant table name in a comment only: unchanged
      IN  select 1 /* campaigns */ from geo_ips
      OUT =

      # quoted mixed-case name is another table: unchanged
      IN  select * from "Ads"
      OUT =

      # explain
      IN  explain select * from ads
      OUT explain SELECT * FROM ads WHERE ads.company_id = 5

      # fuzzer: a backslash-escaped quote in an E-string (JSqlParser reads it once the quote is doubled)
      IN  update campaigns set name = E'it\\'s' where id = 1
      OUT UPDATE campaigns SET name = E'it''s' WHERE id = 1 AND campaigns.company_id = 5

      # fuzzer: INSERT ... (SELECT) UNION (SELECT) without the tenant column: each branch fills it
      IN  insert into ads (id, name) (select id, name from campaigns) union (select id, name from ads)
      OUT INSERT INTO ads (id, name, company_id) (SELECT id, name, 5 FROM campaigns WHERE campaigns.company_id = 5) UNION (SELECT id, name, 5 FROM ads WHERE ads.company_id = 5)

      """;

  private RewriteCases() {
  }

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    String name = null;
    String in = null;
    for (String line : CASES.split("\n")) {
      if (line.startsWith("# ")) {
        name = line.substring(2);
      } else if (line.startsWith("IN  ")) {
        in = line.substring(4);
      } else if (line.startsWith("OUT ")) {
        String out = line.substring(4);
        cases.add(new Case(name, in, out.equals("=") ? in : out));
        name = null;
        in = null;
      }
    }
    return cases;
  }
}
