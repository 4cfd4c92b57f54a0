package io.citushibernate.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.citushibernate.fixtures.adanalytics.Campaign;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints the SQL each variant of {@link EndToEndBenchmark} sends for each operation, as the
 * driver receives it (after citus-hibernate's rewrite), on a three-tenant database. Run it to see
 * what is being compared:
 * {@code java -cp benchmarks/target/benchmarks.jar io.citushibernate.benchmarks.ShowSql}.
 */
public final class ShowSql {
  private ShowSql() {
  }

  public static void main(String[] args) {
    print(System.out);
    if (args.length > 0 && args[0].equals("--ladder")) {
      ladder().forEach((name, sql) -> System.out.println(name + ": " + sql));
    }
  }

  /** The HQL behind {@link Statements}: the SQL plain Hibernate generates for each. */
  static Map<String, List<String>> ladder() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (AdAnalyticsDatabase db = AdAnalyticsDatabase.start(3); HikariDataSource pool = db.pool(2, 5)) {
      RecordingDataSource recording = new RecordingDataSource(pool);
      try (org.hibernate.SessionFactory sf = HibernateWorkload.sessionFactory(recording, false, null, null)) {
        sf.inTransaction(s -> {
          recording.drain();
          s.find(Campaign.class, 1L);
          out.put("load", recording.drain());
          s.createSelectionQuery("select c.id, c.name, c.monthlyBudget, sum(a.impressionsCount), "
              + "sum(a.clicksCount) from Ad a join a.campaign c where c.state = 'running' "
              + "group by c.id, c.name, c.monthlyBudget order by c.name", Object[].class).getResultList();
          out.put("join2", recording.drain());
          s.createSelectionQuery("select k.id, a.name, c.name from Click k join k.ad a join a.campaign c "
              + "where c.state = :state", Object[].class).setParameter("state", "running").getResultList();
          out.put("join3", recording.drain());
          s.createSelectionQuery("select co.name, c.name, a.name, count(k.id), count(i.id) from Ad a "
              + "join a.company co join a.campaign c join Click k on k.ad = a join Impression i on i.ad = a "
              + "where c.state = :state group by co.name, c.name, a.name", Object[].class)
              .setParameter("state", "running").getResultList();
          out.put("join5", recording.drain());
          s.createSelectionQuery("select c from Campaign c where c.id in "
              + "(select a.campaign.id from Ad a where a.clicksCount > :n)", Object.class)
              .setParameter("n", 10L).getResultList();
          out.put("subquery", recording.drain());
          s.createMutationQuery("update Ad a set a.clicksCount = a.clicksCount + 1 "
              + "where a.campaign.id in (select c.id from Campaign c where c.state = :state)")
              .setParameter("state", "paused").executeUpdate();
          out.put("bulkUpdate", recording.drain());
        });
      }
    }
    return out;
  }

  /** The statements per variant and operation. */
  static Map<String, Map<String, List<String>>> capture() {
    Map<String, Map<String, List<String>>> all = new LinkedHashMap<>();
    try (AdAnalyticsDatabase db = AdAnalyticsDatabase.start(3); HikariDataSource pool = db.pool(2, 5)) {
      RecordingDataSource recording = new RecordingDataSource(pool);
      for (Variant variant : Variant.values()) {
        Map<String, List<String>> ops = new LinkedHashMap<>();
        try (Workload w = variant.create(recording)) {
          Map<String, Function<Workload, Object>> calls = new LinkedHashMap<>();
          calls.put("findById", x -> x.findById(2, 0));
          calls.put("listCampaigns", x -> x.listCampaigns(2));
          calls.put("campaignStats", x -> x.campaignStats(2));
          calls.put("updateBudget", x -> x.updateBudget(2, 0));
          calls.put("insertClick", x -> x.insertClick(2, 0));
          calls.put("lazyAds", x -> x.lazyAds(2, 1));
          calls.put("request", x -> x.request(2, 0));
          recording.drain();
          for (Map.Entry<String, Function<Workload, Object>> call : calls.entrySet()) {
            List<String> sent = new ArrayList<>();
            try {
              call.getValue().apply(w);
            } catch (RuntimeException e) {
              // unscoped Hibernate on Citus: the statistics join is refused; show that rather than stop
              sent.add("-- refused by the database: " + HibernateWorkload.rootMessage(e));
            }
            sent.addAll(0, recording.drain());
            ops.put(call.getKey(), sent);
          }
        }
        all.put(variant.id(), ops);
      }
    }
    return all;
  }

  static void print(PrintStream out) {
    capture().forEach((variant, ops) -> {
      out.println("== " + variant);
      ops.forEach((op, sqls) -> {
        out.println("  " + op + ":");
        sqls.forEach(sql -> out.println("    " + sql));
      });
    });
  }
}
