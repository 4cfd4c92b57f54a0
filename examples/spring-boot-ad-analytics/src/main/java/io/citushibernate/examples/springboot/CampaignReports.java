package io.citushibernate.examples.springboot;

import io.citushibernate.fixtures.adanalytics.Campaign;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

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

  /**
   * A campaign written through JPA and counted through JdbcTemplate in one transaction, then rolled
   * back: the count sees the unflushed-then-flushed row only because both share the transaction's
   * connection, and sees only the current company's rows because the starter scopes JdbcTemplate.
   */
  @Transactional
  public long countWithJdbcAfterAnUncommittedInsert() {
    campaigns.saveAndFlush(new Campaign("draft", "paused", null));
    long count = countWithJdbc();
    TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    return count;
  }

  /** Plain SQL through JdbcTemplate: scoped to the current company by the starter's DataSource. */
  public long countWithJdbc() {
    Long count = jdbc.queryForObject("select count(*) from campaigns", Long.class);
    return count == null ? 0 : count;
  }
}
