package io.citushibernate.benchmarks;

import java.util.List;

/**
 * The end-to-end workload on the ad-analytics data, one implementation per variant. Every
 * operation works for one tenant; {@code k} picks one of the tenant's campaigns
 * (0 to {@link AdAnalyticsDatabase#CAMPAIGNS_PER_TENANT} - 1). Results are returned so that
 * JMH consumes them.
 */
public interface Workload extends AutoCloseable {
  /**
   * One request: all six operations below, in one transaction, as a web request handled with
   * one session would run them (8 statements and a commit; a sequence fetch every 50 inserts).
   */
  Object request(long tenant, int k);

  /** Loads campaign {@code k} by id. */
  Object findById(long tenant, int k);

  /** Lists the tenant's campaigns, ordered by id. */
  Object listCampaigns(long tenant);

  /** Impressions and clicks per running campaign: campaigns joined with ads, grouped. */
  Object campaignStats(long tenant);

  /** Raises campaign {@code k}'s monthly budget with a bulk update. */
  Object updateBudget(long tenant, int k);

  /** Inserts a click on the first ad of campaign {@code k}. */
  Object insertClick(long tenant, int k);

  /** Loads campaign {@code k} and initializes its lazy collection of ads. */
  Object lazyAds(long tenant, int k);

  /** What this workload leaves out of {@link #request} on this database, and why; empty when nothing. */
  default List<String> limitations() {
    return List.of();
  }

  @Override
  void close();
}
