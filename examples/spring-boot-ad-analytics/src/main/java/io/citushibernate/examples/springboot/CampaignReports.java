package io.citushibernate.examples.springboot;

import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Work done off the request thread and outside Hibernate: the starter carries the request's tenant
 * into {@code @Async} methods and scopes {@code JdbcTemplate}'s SQL like Hibernate's.
 */
@Service
public class CampaignReports {
  private final CampaignRepository campaigns;
  private final JdbcTemplate jdbc;

  public CampaignReports(CampaignRepository campaigns, JdbcTemplate jdbc) {
    this.campaigns = campaigns;
    this.jdbc = jdbc;
  }

  /** Counted on an executor thread, for the tenant of the caller. */
  @Async
  public CompletableFuture<Long> countInBackground() {
    return CompletableFuture.completedFuture(campaigns.count());
  }

  /** Plain SQL through JdbcTemplate: scoped to the current company by the starter's DataSource. */
  public long countWithJdbc() {
    Long count = jdbc.queryForObject("select count(*) from campaigns", Long.class);
    return count == null ? 0 : count;
  }
}
