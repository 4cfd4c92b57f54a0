package io.citushibernate.examples.springboot;

import io.citushibernate.fixtures.adanalytics.Ad;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Ads of the current company. */
public interface AdRepository extends JpaRepository<Ad, Long> {
  /** The tutorial's per-campaign click totals: a join of two distributed tables, co-located by company. */
  @Query("select c.name, sum(a.clicksCount), sum(a.impressionsCount) from Ad a join a.campaign c "
      + "group by c.name order by c.name")
  List<Object[]> clicksByCampaign();
}
