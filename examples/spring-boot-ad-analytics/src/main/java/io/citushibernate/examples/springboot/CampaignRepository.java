package io.citushibernate.examples.springboot;

import io.citushibernate.fixtures.adanalytics.Campaign;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Campaigns of the current company: derived queries, JPQL and native SQL, all scoped by the library. */
public interface CampaignRepository extends JpaRepository<Campaign, Long> {
  List<Campaign> findByStateOrderByIdAsc(String state);

  @Query("select c from Campaign c order by c.monthlyBudget desc nulls last, c.id")
  List<Campaign> topByBudget();

  @Query(value = "select state, count(*) as campaigns, coalesce(sum(monthly_budget), 0) as budget "
      + "from campaigns group by state order by state", nativeQuery = true)
  List<Object[]> budgetByStateNative();
}
