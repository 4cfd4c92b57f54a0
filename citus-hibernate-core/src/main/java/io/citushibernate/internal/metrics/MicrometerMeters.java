package io.citushibernate.internal.metrics;

import io.citushibernate.CitusSettings;
import io.citushibernate.InvalidSettingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The Micrometer meters of one client of one session factory in one registry: the only class of
 * citus-hibernate that names Micrometer, loaded through {@link Meters} when Micrometer is present.
 * Every meter is registered when the instance is made, so recording is a counter increment.
 *
 * <p>Tags: {@code session.factory} and {@code client} ({@value Meters#HIBERNATE} or
 * {@value Meters#JDBC}); refusals add {@code reason}, statements {@code outcome}, cache gets
 * {@code result}. Never a tenant. Cross-tenant scopes are counted once per registry, tagged by
 * their reason: the first {@value #MAX_REASONS} distinct reasons, every later one as
 * {@value #OTHER_REASON}, so that free-text reasons cannot grow a registry without bound.
 */
final class MicrometerMeters implements StatementMetrics {
  static final String STATEMENTS = "citus.hibernate.statements";
  static final String REFUSED = "citus.hibernate.statements.refused";
  static final String CACHE_GETS = "citus.hibernate.rewrite.cache.gets";
  static final String CACHE_EVICTIONS = "citus.hibernate.rewrite.cache.evictions";
  static final String CACHE_SIZE = "citus.hibernate.rewrite.cache.size";
  static final String ANALYSIS = "citus.hibernate.rewrite.analysis";
  static final String CROSS_TENANT_SCOPES = "citus.hibernate.cross.tenant.scopes";
  static final int MAX_REASONS = 100;
  static final String OTHER_REASON = "other";

  /** Per registry in use (weakly: a closed application's registry goes): its statement meters and scope counters. */
  private static final Map<MeterRegistry, InRegistry> REGISTRIES = Collections.synchronizedMap(new WeakHashMap<>());

  static {
    CrossTenantScopes.listen(MicrometerMeters::crossTenantScopeOpened);
  }

  private final Counter scoped;
  private final Counter passed;
  private final Counter crossTenant;
  private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);
  private final Counter hits;
  private final Counter misses;
  private final Counter evictions;
  private final Timer analysis;
  private volatile LongSupplier cacheSize = () -> 0;

  private MicrometerMeters(MeterRegistry registry, Tags tags) {
    scoped = statements(registry, tags, "scoped");
    passed = statements(registry, tags, "passed");
    crossTenant = statements(registry, tags, "cross-tenant");
    for (Refusal reason : Refusal.values()) {
      refused.put(reason, Counter.builder(REFUSED).tags(tags).tag("reason", reason.tag())
          .description("Statements refused unsent, by reason").register(registry));
    }
    hits = cacheGets(registry, tags, "hit");
    misses = cacheGets(registry, tags, "miss");
    evictions = Counter.builder(CACHE_EVICTIONS).tags(tags)
        .description("Statement analyses the rewrite cache dropped to stay within citus.hibernate.rewrite_cache_size")
        .register(registry);
    Gauge.builder(CACHE_SIZE, this, meters -> meters.cacheSize.getAsLong()).tags(tags)
        .description("Statement analyses in the rewrite cache").register(registry);
    analysis = Timer.builder(ANALYSIS).tags(tags)
        .description("Time to analyse (parse and scope) a statement seen for the first time").register(registry);
  }

  private static Counter statements(MeterRegistry registry, Tags tags, String outcome) {
    return Counter.builder(STATEMENTS).tags(tags).tag("outcome", outcome)
        .description("Statements sent: scoped to a tenant, passed (no tenant table) or cross-tenant").register(registry);
  }

  private static Counter cacheGets(MeterRegistry registry, Tags tags, String result) {
    return Counter.builder(CACHE_GETS).tags(tags).tag("result", result)
        .description("Rewrite cache lookups, one per statement").register(registry);
  }

  /**
   * The meters of {@code client} in {@code unit}, in {@code registry} (a {@link MeterRegistry}, or
   * {@code null} for the global one). Factories of one name share them.
   */
  static StatementMetrics statements(Object registry, String unit, String client) {
    MeterRegistry target = registry == null ? Metrics.globalRegistry : asRegistry(registry);
    synchronized (REGISTRIES) {
      InRegistry in = REGISTRIES.computeIfAbsent(target, r -> new InRegistry());
      return in.statements.computeIfAbsent(List.of(unit, client),
          key -> new MicrometerMeters(target, Tags.of("session.factory", unit, "client", client)));
    }
  }

  private static MeterRegistry asRegistry(Object registry) {
    if (registry instanceof MeterRegistry meterRegistry) {
      return meterRegistry;
    }
    throw new InvalidSettingException(CitusSettings.METER_REGISTRY, registry,
        "an io.micrometer.core.instrument.MeterRegistry instance (in the settings map, not its name)");
  }

  private static void crossTenantScopeOpened(String reason) {
    List<Map.Entry<MeterRegistry, InRegistry>> registries;
    synchronized (REGISTRIES) {
      registries = new ArrayList<>(REGISTRIES.entrySet());
    }
    for (Map.Entry<MeterRegistry, InRegistry> entry : registries) {
      entry.getValue().scopes(entry.getKey(), reason).increment();
    }
  }

  /** What one registry holds. */
  private static final class InRegistry {
    final Map<List<String>, MicrometerMeters> statements = new HashMap<>();
    final Map<String, Counter> scopeReasons = new ConcurrentHashMap<>();

    Counter scopes(MeterRegistry registry, String reason) {
      Counter known = scopeReasons.get(reason);
      if (known != null) {
        return known;
      }
      String tag = scopeReasons.size() < MAX_REASONS ? reason : OTHER_REASON;
      Counter counter = Counter.builder(CROSS_TENANT_SCOPES).tag("reason", tag)
          .description("Cross-tenant scopes opened (TenantContext.runCrossTenant and the like), by reason")
          .register(registry);
      if (tag.equals(reason)) {
        scopeReasons.putIfAbsent(reason, counter);
      }
      return counter;
    }
  }

  @Override
  public void scoped() {
    scoped.increment();
  }

  @Override
  public void passed() {
    passed.increment();
  }

  @Override
  public void crossTenant() {
    crossTenant.increment();
  }

  @Override
  public void refused(Refusal reason) {
    refused.get(reason).increment();
  }

  @Override
  public void cacheHit() {
    hits.increment();
  }

  @Override
  public void cacheMiss() {
    misses.increment();
  }

  @Override
  public void cacheEviction() {
    evictions.increment();
  }

  @Override
  public void analysed(long nanos) {
    analysis.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void cacheSize(LongSupplier size) {
    cacheSize = size;
  }
}
