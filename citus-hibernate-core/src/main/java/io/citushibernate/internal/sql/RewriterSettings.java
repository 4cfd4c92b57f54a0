package io.citushibernate.internal.sql;

import io.citushibernate.CitusSettings;
import io.citushibernate.internal.config.SettingValues;
import io.citushibernate.internal.mapping.TenantTables;
import io.citushibernate.internal.metrics.StatementMetrics;
import java.util.Map;

/**
 * The {@link CitusSettings} a {@link StatementRewriter} is built with, read once: the same for
 * Hibernate's statement inspector and for the plain-JDBC data source wrapper.
 *
 * @param refuseUnparseable whether SQL the parser cannot read is refused when it names a tenant table
 * @param cacheSize how many distinct statements keep their analysed form
 * @param limits the longest and deepest statement the parser is given
 */
public record RewriterSettings(boolean refuseUnparseable, int cacheSize, ParseLimits limits) {
  /** The settings in {@code properties}; an invalid value raises an exception naming its property. */
  public static RewriterSettings from(Map<String, ?> properties) {
    boolean refuse = SettingValues.choice(properties, CitusSettings.UNPARSEABLE_STATEMENTS, "refuse",
        Map.of("refuse", true, "pass", false));
    int size = SettingValues.positive(properties, CitusSettings.REWRITE_CACHE_SIZE, 4096);
    ParseLimits limits = new ParseLimits(
        SettingValues.positive(properties, CitusSettings.MAX_STATEMENT_LENGTH, ParseLimits.DEFAULT.maxLength()),
        SettingValues.positive(properties, CitusSettings.MAX_STATEMENT_NESTING, ParseLimits.DEFAULT.maxNesting()));
    return new RewriterSettings(refuse, size, limits);
  }

  /** A rewriter of {@code tables} with these settings, recording its cache in {@code metrics}. */
  public StatementRewriter rewriterOf(TenantTables tables, StatementMetrics metrics) {
    return new StatementRewriter(tables, cacheSize, refuseUnparseable, limits, metrics);
  }
}
